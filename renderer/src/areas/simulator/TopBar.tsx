import { useEffect, useRef, useState } from 'react';
import { useSim } from './sim-context';
import { utc } from './format';
import { CallerFields } from './CallerFields';
import { useIdentities } from './use-identities';

const JUMPS: { label: string; ms: number }[] = [
  { label: '+5분', ms: 5 * 60_000 },
  { label: '+1시간', ms: 3_600_000 },
  { label: '+1일', ms: 86_400_000 },
  { label: '+7일', ms: 7 * 86_400_000 },
  { label: '+91일', ms: 91 * 86_400_000 },
];
const SPEEDS = [1, 60, 600] as const;


/** Who acts, from where, through what; and the simulated clock, always in view. */
export function TopBar({ onReset }: { onReset: () => Promise<void> }) {
  const { client, ctx, setCtx, regions, nowMs, speed } = useSim();
  const identities = useIdentities();
  const [confirming, setConfirming] = useState(false);
  const bar = useRef<HTMLDivElement>(null);

  // Sticky panels below the bar need its height, which changes with the window width.
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const set = () => el.closest<HTMLElement>('.sim')?.style.setProperty('--sim-topbar-h', `${el.offsetHeight}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);


  const advance = (ms: number) => void client.request({ kind: 'advance', ms });
  const play = (s: 0 | 1 | 60 | 600) => void client.request({ kind: 'play', speed: s });

  return (
    <div className="sim-topbar" role="toolbar" aria-label="호출자와 시계" ref={bar}>
      <CallerFields identities={identities} regions={regions} ctx={ctx} setCtx={setCtx} />
      <div className="sim-clock" aria-live="off">
        <span className="sim-clock-label">시뮬레이션 시각</span>
        <time className="sim-clock-time" data-testid="sim-clock" dateTime={new Date(nowMs).toISOString()}>{utc(nowMs)}</time>
      </div>
      <div className="sim-field">
        <span>재생</span>
        <div className="sim-seg" role="group" aria-label="재생 속도">
          <button aria-pressed={speed === 0} className={speed === 0 ? 'on' : ''} onClick={() => play(0)} title="일시 정지">❚❚</button>
          {SPEEDS.map((s) => (
            <button key={s} aria-pressed={speed === s} className={speed === s ? 'on' : ''} onClick={() => play(s)}>
              ▶ {s}×
            </button>
          ))}
        </div>
      </div>
      <div className="sim-field">
        <span>건너뛰기</span>
        <div className="sim-seg" role="group" aria-label="시간 건너뛰기">
          {JUMPS.map((j) => (
            <button key={j.label} onClick={() => advance(j.ms)}>{j.label}</button>
          ))}
        </div>
      </div>
      <div className="sim-field sim-reset">
        <span>&nbsp;</span>
        {confirming ? (
          <span className="row">
            <button className="btn small danger" onClick={() => void onReset().then(() => setConfirming(false))}>모두 지우고 새로 시작</button>
            <button className="btn small" onClick={() => setConfirming(false)}>취소</button>
          </span>
        ) : (
          <button className="btn small" onClick={() => setConfirming(true)}>새 샌드박스</button>
        )}
      </div>
    </div>
  );
}
