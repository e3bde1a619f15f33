import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useSim } from './sim-context';
import { HISTORY_KEYS, type HistoryQuery, type HistoryRow } from './worker/protocol';
import { HISTORY_ROW_LIMIT } from './worker/history-rows';
import { koNumber } from './format';

const RANGES: { id: string; label: string; ms: number | null }[] = [
  { id: 'all', label: '전체(최근 90일)', ms: null },
  { id: '1h', label: '최근 1시간', ms: 3_600_000 },
  { id: '1d', label: '최근 1일', ms: 86_400_000 },
  { id: '7d', label: '최근 7일', ms: 7 * 86_400_000 },
];
const KEY_KO: Record<string, string> = {
  EventName: '이벤트 이름', EventSource: '이벤트 소스', Username: '사용자 이름', ResourceType: '리소스 유형', ResourceName: '리소스 이름',
  EventId: '이벤트 ID', AccessKeyId: 'AWS 액세스 키', ReadOnly: '읽기 전용',
};
const ROW_HEIGHT = 34;
/** Rows in the first answer (twenty LookupEvents pages), then per further chunk. */
const FIRST_ROWS = 1000;
const MORE_ROWS = 10_000;
const DAY_MS = 86_400_000;
/** Event history keeps 90 days. */
const RETENTION_MS = 90 * DAY_MS;

/** Each worker's last complete listing and what it was of (epoch, Region, filters): a refresh after a change, or
 *  coming back to the tab, adds the newer rows to it instead of reading 100,000 rows again. */
const listedBy = new WeakMap<object, { of: string; rows: HistoryRow[] }>();

/** One copy of each repeated value: rows arrive from the worker with strings of their own, and 100,000 rows held
 *  800,000 of them, which every full garbage collection of the page walks (a long frame while scrolling). */
const SHARED_LIMIT = 50_000;
const sharedValues = new Map<string, string>();
function one(v: string): string {
  const kept = sharedValues.get(v);
  if (kept !== undefined) return kept;
  if (sharedValues.size >= SHARED_LIMIT) sharedValues.clear();
  sharedValues.set(v, v);
  return v;
}
function shared(r: HistoryRow): HistoryRow {
  return { eventId: r.eventId, eventName: one(r.eventName), eventTime: one(r.eventTime), username: one(r.username), eventSource: one(r.eventSource), resourceType: one(r.resourceType), resourceName: one(r.resourceName), readOnly: one(r.readOnly) };
}

/** The CloudTrail console's event history for the selected Region, through the real LookupEvents. */
export function EventHistory() {
  const { client, ctx, nowMs, revision, epoch } = useSim();
  const region = ctx.region;
  const [key, setKey] = useState<(typeof HISTORY_KEYS)[number]>('EventName');
  const [value, setValue] = useState('');
  const [range, setRange] = useState('all');
  const [readOnly, setReadOnly] = useState<'' | 'true' | 'false'>('');
  const [rows, setRows] = useState<HistoryRow[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const nowRef = useRef(nowMs);
  nowRef.current = nowMs;

  const query = useCallback((): HistoryQuery => {
    const r = RANGES.find((x) => x.id === range);
    const q: HistoryQuery = { region };
    if (value.trim()) q.attribute = { key, value: value.trim() };
    if (r?.ms) {
      q.startMs = nowRef.current - r.ms;
      q.endMs = nowRef.current;
    }
    if (readOnly) q.readOnly = readOnly;
    return q;
  }, [region, key, value, range, readOnly]);

  /**
   * The rows a complete listing lacks, newest first: LookupEvents from the newest listed second on (StartTime is
   * inclusive), less the rows of that second already listed. Records are written as the clock reaches them, so
   * nothing older can appear. Undefined when the listing must be read whole instead: a time window other than
   * the whole history (its start moves and rows leave it), rows near the 90-day edge (they expire), or more new
   * rows than one chunk.
   */
  const newerRows = useCallback(async (q: HistoryQuery, rows: HistoryRow[]): Promise<HistoryRow[] | undefined> => {
    if (q.startMs !== undefined || q.endMs !== undefined) return undefined;
    const oldest = rows[rows.length - 1];
    if (oldest && Date.parse(oldest.eventTime) < nowRef.current - RETENTION_MS + DAY_MS) return undefined;
    const newest = rows[0];
    const since = newest ? Math.floor(Date.parse(newest.eventTime) / 1000) * 1000 : undefined;
    const res = await client.request({ kind: 'history', query: since === undefined ? q : { ...q, startMs: since }, limit: MORE_ROWS });
    if (res.cursor !== undefined || rows.length + res.rows.length > HISTORY_ROW_LIMIT) return undefined;
    const sameSecond = new Set<string>();
    for (const r of rows) {
      if (r.eventTime !== newest?.eventTime) break;
      sameSecond.add(r.eventId);
    }
    return res.rows.filter((r) => !sameSecond.has(r.eventId)).map(shared);
  }, [client]);

  // The first rows come at once; the rest follow in chunks, each its own worker request, so the learner's
  // calls are answered in between. A newer load (filter, Region, account change) supersedes an older one.
  const generation = useRef(0);
  const load = useCallback(async (refresh = false) => {
    const mine = ++generation.current;
    const q = query();
    const of = JSON.stringify([epoch, q.region, q.attribute, q.readOnly, range]);
    const before = listedBy.get(client);
    listedBy.delete(client);
    setLoading(true);
    setError(null);
    try {
      if (refresh && before?.of === of) {
        // What was listed shows at once (coming back to the tab); only the newer rows are asked for.
        setRows(before.rows);
        const added = await newerRows(q, before.rows);
        if (mine !== generation.current) return;
        if (added) {
          const all = added.length ? [...added, ...before.rows] : before.rows;
          listedBy.set(client, { of, rows: all });
          setRows(all);
          setTruncated(false);
          return;
        }
      }
      let res = await client.request({ kind: 'history', query: q, limit: FIRST_ROWS });
      if (mine !== generation.current) return;
      let all = res.rows.map(shared);
      setRows(all);
      setTruncated(false);
      while (res.cursor && all.length < HISTORY_ROW_LIMIT) {
        res = await client.request({ kind: 'history', query: q, limit: MORE_ROWS, cursor: res.cursor });
        if (mine !== generation.current) return;
        all = all.concat(res.rows.map(shared));
        setRows(all);
      }
      setTruncated(res.cursor !== undefined);
      if (res.cursor === undefined && epoch !== undefined) listedBy.set(client, { of, rows: all });
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [client, query, epoch, range, newerRows]);


  // Read when shown and when the Region changes (only what is new, when this worker's listing of the same view is
  // kept); when the account changes, a moment later, so a running clock does not re-read on every step. Filters
  // apply on "조회".
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(true), [client, region]);
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    const t = setTimeout(() => void load(true), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => {
    if (!selected) return setDetail(null);
    let live = true;
    void client.request({ kind: 'record', region, eventId: selected }).then((r) => live && setDetail(r.json));
    return () => {
      live = false;
    };
  }, [client, region, selected]);

  const download = async (format: 'csv' | 'json') => {
    const res = await client.request({ kind: 'download', query: query(), format });
    const blob = new Blob([res.text], { type: format === 'csv' ? 'text/csv' : 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `event_history_${region}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <div className="sim-history">
      <p className="muted small sim-note">
        <strong>{region}</strong> 리전의 이벤트 기록입니다(리전은 위에서 바꿉니다). 화면 갱신용 조회는 기록되지 않습니다. 실제 콘솔에서는 이런 조회도 LookupEvents 등으로 기록됩니다.
      </p>
      <form className="card sim-history-filter" onSubmit={(e) => { e.preventDefault(); void load(); }} aria-label="이벤트 기록 필터">
        <label className="sim-field">
          <span>조회 속성</span>
          <select className="sim-input" aria-label="조회 속성" value={key} onChange={(e) => setKey(e.target.value as typeof key)}>
            {HISTORY_KEYS.map((k) => <option key={k} value={k}>{KEY_KO[k]} ({k})</option>)}
          </select>
        </label>
        <label className="sim-field grow">
          <span>값</span>
          <input className="sim-input" aria-label="조회 값" placeholder={key === 'EventName' ? '예: ConsoleLogin' : '값 입력'} value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="sim-field">
          <span>기간</span>
          <select className="sim-input" aria-label="기간" value={range} onChange={(e) => setRange(e.target.value)}>
            {RANGES.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        <label className="sim-field">
          <span>읽기 전용</span>
          <select className="sim-input" aria-label="읽기 전용 필터" value={readOnly} onChange={(e) => setReadOnly(e.target.value as typeof readOnly)}>
            <option value="">모두</option>
            <option value="true">true (조회)</option>
            <option value="false">false (변경)</option>
          </select>
        </label>
        <div className="sim-field">
          <span>&nbsp;</span>
          <div className="row">
            <button className="btn primary" type="submit">조회</button>
            <button className="btn" type="button" onClick={() => void download('csv')}>CSV</button>
            <button className="btn" type="button" onClick={() => void download('json')}>JSON</button>
          </div>
        </div>
      </form>
      {error ? <p className="message error" role="alert">{error}</p> : null}
      <div className="sim-history-body">
        <HistoryTable rows={rows} selected={selected} onSelect={setSelected} loading={loading} truncated={truncated} />
        <aside className={`card sim-detail${selected ? ' open' : ''}`} aria-label="이벤트 세부 정보">
          <div className="row sim-space">
            <h3>이벤트 레코드</h3>
            {selected ? <button className="btn small" onClick={() => setSelected(null)}>닫기</button> : null}
          </div>
          {detail ? <pre className="sim-pre">{JSON.stringify(JSON.parse(detail), null, 2)}</pre> : <p className="muted small">행을 고르면 CloudTrail 레코드(JSON)를 보여 줍니다.</p>}
        </aside>
      </div>
    </div>
  );
}

/** The list alone re-renders as it scrolls (a screenful of new rows a frame when dragged fast), not the filter
 *  form or the record beside it; rows already on screen keep their elements, and rows scrolled in reuse those
 *  of rows scrolled out. */
const HistoryTable = memo(function HistoryTable({ rows, selected, onSelect, loading, truncated }: { rows: HistoryRow[]; selected: string | null; onSelect(eventId: string): void; loading: boolean; truncated: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  // A few rows beyond the edges are enough for wheel and keyboard steps; each extra row is seven elements
  // built on every fast scroll.
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });
  const items = virtual.getVirtualItems();
  return (
    <div className="card sim-table" role="table" aria-label="이벤트 기록" aria-rowcount={rows.length}>
      <div className="sim-tr sim-th" role="row">
        {['이벤트 이름', '이벤트 시간', '사용자 이름', '이벤트 소스', '리소스 유형', '리소스 이름'].map((h) => <span key={h} role="columnheader">{h}</span>)}
      </div>
      <div className="sim-tbody" ref={scroller} data-testid="history-scroller">
        {rows.length === 0 && !loading ? <p className="muted sim-empty">일치하는 이벤트가 없습니다.</p> : null}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]!;
            // Keyed by place among the rows shown, not by event: a row scrolled in takes over the elements of the
            // row scrolled out (its texts change) instead of building seven new ones, a screenful a frame when
            // dragged fast, with the garbage that leaves behind. Unique because the rows shown are consecutive.
            return <HistoryRowView key={v.index % items.length} row={r} top={v.start} selected={selected === r.eventId} onSelect={onSelect} />;
          })}
        </div>
      </div>
      <div className="sim-table-foot muted small" aria-live="polite">
        {loading && rows.length === 0 ? '불러오는 중…' : `${koNumber(rows.length)}개 이벤트${loading ? ' (더 불러오는 중…)' : ''}`}
        {truncated ? ' (너무 많아 일부만 표시: 필터를 좁히세요)' : ''}
      </div>
    </div>
  );
});

const HistoryRowView = memo(function HistoryRowView({ row: r, top, selected, onSelect }: { row: HistoryRow; top: number; selected: boolean; onSelect(eventId: string): void }) {
  return (
    <div
      role="row"
      tabIndex={0}
      aria-selected={selected}
      className={`sim-tr${selected ? ' selected' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(r.eventId)}
      onKeyDown={(e) => e.key === 'Enter' && onSelect(r.eventId)}
    >
      <span role="cell" className="strong">{r.eventName}</span>
      <span role="cell">{r.eventTime.replace('T', ' ').replace('.000Z', 'Z')}</span>
      <span role="cell">{r.username}</span>
      <span role="cell">{r.eventSource}</span>
      <span role="cell">{r.resourceType}</span>
      <span role="cell" title={r.resourceName}>{r.resourceName}</span>
    </div>
  );
});
