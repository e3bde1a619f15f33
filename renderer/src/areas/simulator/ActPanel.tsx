import { memo, useEffect, useMemo, useState } from 'react';
import { useApp } from '../../store/app-store';
import { useSim } from './sim-context';
import { ActionForm } from './ActionForm';
import { CommandBox } from './CommandBox';
import { EventFlow } from './EventFlow';
import { PALETTE_GROUPS, groupOf } from './palette-groups';
import { PARAM_SPEC_BY_API } from './param-specs';
import type { CatalogEntry } from './worker/protocol';

/** The action palette beside the selected action's form and the event flow of the last call. */
export function ActPanel() {
  const pending = useApp((s) => s.pendingAction);
  const [api, setApi] = useState<string>(pending ?? 'signin:ConsoleLogin');
  const [filter, setFilter] = useState('');
  const { client } = useSim();
  const [catalog, setCatalog] = useState<CatalogEntry[]>([]);

  useEffect(() => {
    void client.request({ kind: 'catalog' }).then(setCatalog);
  }, [client]);

  useEffect(() => {
    if (!pending) return;
    setApi(pending);
    useApp.setState({ pendingAction: null });
  }, [pending]);

  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const shown = catalog.filter((d) => !q || d.api.toLowerCase().includes(q) || d.summaryKo.includes(q));
    return PALETTE_GROUPS.map((g) => ({ label: g.label, defs: shown.filter((d) => groupOf(d.api) === g.label) })).filter((g) => g.defs.length);
  }, [filter, catalog]);
  const def = catalog.find((d) => d.api === api);
  const knownApis = useMemo(() => new Set(catalog.map((d) => d.api)), [catalog]);

  return (
    <div className="sim-act">
      <ActionPalette groups={groups} api={api} onPick={setApi} filter={filter} onFilter={setFilter} />
      <div className="sim-act-main">
        <CommandBox knownApis={knownApis} onApi={setApi} />
        {def ? <ActionForm key={def.api} def={def} spec={PARAM_SPEC_BY_API.get(def.api)} repeat /> : <p className="muted">팔레트에서 액션을 고르세요.</p>}
        <EventFlow />
      </div>
    </div>
  );
}

type PaletteGroup = { label: string; defs: CatalogEntry[] };

/** Hundreds of buttons that change only with the filter or the chosen action: kept out of the renders every
 *  call causes (the session's flows, clock and revision change then, and this list would be compared again). */
const ActionPalette = memo(function ActionPalette({ groups, api, onPick, filter, onFilter }: { groups: PaletteGroup[]; api: string; onPick(api: string): void; filter: string; onFilter(q: string): void }) {
  return (
    <nav className="sim-palette card" aria-label="액션 팔레트">
      <input className="sim-input" type="search" placeholder="액션 찾기 (예: PutObject)" aria-label="액션 찾기" value={filter} onChange={(e) => onFilter(e.target.value)} />
      {groups.map((g) => (
        <div key={g.label} className="sim-group">
          <h3>{g.label}</h3>
          <ul>
            {g.defs.map((d) => (
              <li key={d.api}>
                <button className={`sim-action${d.api === api ? ' active' : ''}`} onClick={() => onPick(d.api)} title={`${d.summaryKo}${d.eventName !== d.api.split(':')[1] ? ` (CloudTrail eventName: ${d.eventName})` : ''}`} aria-current={d.api === api}>
                  <span>{d.api.split(':')[1]}</span>
                  <Tags def={d} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
});

function Tags({ def }: { def: CatalogEntry }) {
  return (
    <span className="sim-tags">
      {def.category === 'Data' ? <span className="sim-tag data">데이터</span> : null}
      {def.readOnly ? <span className="sim-tag ro">읽기</span> : null}
    </span>
  );
}
