import { useRef, type KeyboardEvent } from 'react';
import { AREAS, useApp, type Area } from '../store/app-store';
import { AREA_INFO } from '../areas/area-info';

/** The area list: Tab reaches it, arrow keys move within it, Alt+1…7 jumps from anywhere (see App). */
export function Nav() {
  const area = useApp((s) => s.area);
  const go = useApp((s) => s.go);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (index + step + AREAS.length) % AREAS.length;
    refs.current[next]?.focus();
  }

  return (
    <nav className="nav" aria-label="학습 영역">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">◆</span> Trailwatch
      </div>
      <ul>
        {AREAS.map((a: Area, i) => (
          <li key={a}>
            <button
              ref={(el) => {
                refs.current[i] = el;
              }}
              className={a === area ? 'nav-item active' : 'nav-item'}
              aria-current={a === area ? 'page' : undefined}
              onClick={() => go(a)}
              onKeyDown={(e) => onKeyDown(e, i)}
              title={`${AREA_INFO[a].label} (Alt+${i + 1})`}
            >
              <span>{AREA_INFO[a].label}</span>
              <kbd aria-hidden="true">Alt+{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
