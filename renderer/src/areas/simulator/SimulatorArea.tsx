import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/app-store';
import { documentsInBrowser } from '../../platform/bridge';
import { saveFailureKo } from './save-failure';
import { keyOf } from '../../platform/idb-documents';
import { openSimWorker, type SimClient } from './sim-client';
import { SimContext, deliveryKey, type FlowEntry, type SimEventLike, type SimSession, type SimTab } from './sim-context';
import { TopBar } from './TopBar';
import { ActPanel } from './ActPanel';
import { EventHistory } from './EventHistory';
import { TrailsPanel } from './TrailsPanel';
import { useUnreadCount } from './InboxPanel';
import { WatchPanel } from './WatchPanel';
import type { CallOutcome, Delivered, Started, UiCallContext } from './worker/protocol';
import './simulator.css';

const SAVE_EVERY_MS = 1500;
/** A change is saved within this long even if the learner never pauses (its packing may then give way for up to
 *  MAX_DEFER_MS more: worker/pack-pacer.ts). */
const SAVE_AT_LATEST_MS = 30_000;
/** What counts as the learner's input while a save is packed (scroll does not bubble: listened for in the capture phase). */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'scroll'] as const;
const TABS: { id: SimTab; label: string }[] = [
  { id: 'act', label: '호출과 이벤트 흐름' },
  { id: 'history', label: '이벤트 기록' },
  { id: 'trails', label: '트레일·S3 로그 파일' },
  { id: 'inbox', label: '경보·규칙·알림함' },
];

export default function SimulatorArea() {
  const storage = useApp((s) => s.storage);
  const dataGeneration = useApp((s) => s.dataGeneration);
  const pendingAction = useApp((s) => s.pendingAction);
  const [client, setClient] = useState<SimClient | null>(null);
  const [info, setInfo] = useState<Pick<Started, 'accountId' | 'regions'> | null>(null);
  const [nowMs, setNow] = useState(0);
  const [speed, setSpeed] = useState(0);
  const [ctx, setCtx] = useState<UiCallContext>({ as: 'alice', region: 'us-east-1', via: 'console' });
  const [flows, setFlows] = useState<FlowEntry[]>([]);
  const [selectedFlow, setSelectedFlow] = useState<number | null>(null);
  const [deliveries, setDeliveries] = useState<ReadonlyMap<string, Delivered>>(new Map());
  const [revision, setRevision] = useState(0);
  const [epoch, setEpoch] = useState(0);
  const [tab, setTab] = useState<SimTab>('act');
  const [error, setError] = useState<string | null>(null);
  const [fileRequest, setFileRequest] = useState<{ bucket: string; key: string } | null>(null);
  const openFile = useCallback((bucket: string, key: string) => {
    setFileRequest({ bucket, key });
    setTab('trails');
  }, []);
  const [feed, setFeed] = useState<{ atMs: number; event: SimEventLike }[]>([]);
  const flowId = useRef(1);
  const duringCall = useRef<SimEventLike[]>([]);
  const nowRef = useRef(0);
  const saveWarned = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveAgain = useRef(false);
  const lastSaveMs = useRef(0);

  const begin = useCallback((s: Started) => {
    setInfo({ accountId: s.accountId, regions: s.regions });
    setNow(s.nowMs);
    nowRef.current = s.nowMs;
    setSpeed(0);
    setDeliveries(new Map());
    const setup = s.setup.map((o) => ({ id: flowId.current++, outcome: o, later: [], setup: true }));
    setFlows(setup);
    setFeed([]);
    duringCall.current = [];
    setSelectedFlow(null);
    setRevision((r) => r + 1);
    setEpoch((e) => e + 1);
    if (s.noticeKo) useApp.setState((st) => ({ notices: [...st.notices, s.noticeKo!] }));
  }, []);

  useEffect(() => {
    const c = openSimWorker();
    // No session until this worker has started its sandbox (after an import or a reset the previous one's account
    // facts are still set): views ask their worker only once it can answer.
    setInfo(null);
    setClient(c);
    const replaced = () => useApp.getState().dataGeneration !== dataGeneration;
    /** Packs the sandbox in the workers and stores it; returns how long the packing took. */
    const saveNow = async (): Promise<number> => {
      if (documentsInBrowser()) return saveInWorker();
      const t0 = performance.now();
      const packed = await c.request({ kind: 'save' });
      const took = performance.now() - t0;
      // A new task for the write: receiving megabytes from the worker and storing them are each short, but
      // together they made one long task on the UI thread.
      await new Promise((r) => setTimeout(r, 0));
      // Every document was read again from storage meanwhile (an import or a reset): this sandbox is no longer
      // the learner's, and writing it would undo what they chose.
      if (replaced()) return took;
      // User Timing marks, so a profile (and the benchmark) can tell the save's work on this thread apart.
      performance.mark('trailwatch:save-write');
      const written = storage?.save('sandbox', { snapshot: packed, savedAt: new Date().toISOString() });
      performance.measure('trailwatch:save-write', 'trailwatch:save-write');
      await written;
      return took;
    };
    /** In the browser the packing worker stores the sandbox itself: the page never receives its megabytes, nor
     *  stringifies and stores them on this thread (84–156 ms a save at 100,000 records, measured in session 11). */
    const saveInWorker = async (): Promise<number> => {
      const t0 = performance.now();
      const held = await c.request({ kind: 'saveHeld' });
      const took = performance.now() - t0;
      // The same check as above, before anything is written: an import or a reset meanwhile wins.
      if (replaced()) {
        void c.request({ kind: 'dropHeld', held: held.id });
        return took;
      }
      performance.mark('trailwatch:save-write');
      const written = c.request({ kind: 'storeHeld', held: held.id, savedAt: new Date().toISOString() });
      performance.measure('trailwatch:save-write', 'trailwatch:save-write');
      await written;
      // As the page's own storage does after a write: an earlier version's copy in localStorage is dropped.
      localStorage.removeItem(keyOf('sandbox'));
      return took;
    };
    // One save at a time; a change made while one runs is saved by the next. Making the snapshot text holds up
    // the simulator's worker briefly, so a big sandbox is saved less often.
    const scheduleSave = (): void => {
      if (saveTimer.current) {
        saveAgain.current = true;
        return;
      }
      const firstAsked = performance.now();
      const attempt = (): void => {
        // Packing a big sandbox occupies the worker; while the learner is busy with it, wait for a quiet
        // moment (but not for ever: a running clock's views keep asking).
        const quietFor = c.quietForMs;
        if (quietFor < SAVE_EVERY_MS && performance.now() - firstAsked < SAVE_AT_LATEST_MS) {
          saveTimer.current = setTimeout(attempt, SAVE_EVERY_MS - quietFor);
          return;
        }
        void saveNow()
          .then((took) => {
            lastSaveMs.current = took;
          })
          .catch((e: Error) => {
            if (replaced()) return;
            // The disk or the browser's storage quota may be full. Say so once; the sandbox itself is untouched.
            if (saveWarned.current) return;
            saveWarned.current = true;
            useApp.setState((st) => ({ notices: [...st.notices, saveFailureKo(e)] }));
          })
          .finally(() => {
            // After an import or a reset the refs belong to the sandbox read since.
            if (replaced()) return;
            saveTimer.current = null;
            if (saveAgain.current) {
              saveAgain.current = false;
              scheduleSave();
            }
          });
      };
      saveTimer.current = setTimeout(attempt, Math.max(SAVE_EVERY_MS, 10 * lastSaveMs.current));
    };
    const off = c.on((p) => {
      if (p.push === 'clock') {
        nowRef.current = p.nowMs;
        setNow(p.nowMs);
        setSpeed(p.speed);
      } else if (p.push === 'delivered') {
        setDeliveries((m) => new Map(m).set(deliveryKey(p.delivered.eventId, p.delivered.trailArn), p.delivered));
        setRevision((r) => r + 1);
      } else if (p.push === 'sim') {
        const t = p.event.type;
        if (t === 'call.completed' || (t === 'record.written' && p.duringCall)) return;
        if (p.duringCall) duringCall.current.push(p.event);
        else {
          setFeed((f) => [...f.slice(-99), { atMs: nowRef.current, event: p.event }]);
          // Something happened on its own (an alarm fired, a rule ran): views read again.
          setRevision((r) => r + 1);
        }
      } else if (p.push === 'changed') {
        scheduleSave();
      }
    });
    // The learner's input anywhere in the page (other screens too: this one stays mounted): a save being packed
    // pauses for it (SimClient.noteInput).
    const onInput = () => c.noteInput();
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    void (async () => {
      const saved = storage ? await storage.load('sandbox') : null;
      try {
        begin(await c.request({ kind: 'start', snapshot: saved?.data.snapshot ?? null }));
      } catch (e) {
        setError((e as Error).message);
      }
    })();
    return () => {
      off();
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      // Leaving with a change not yet saved: save it now, then let the worker go (unless storage was replaced).
      const unsaved = saveTimer.current !== null || saveAgain.current;
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = null;
      saveAgain.current = false;
      if (!unsaved || replaced()) return c.close();
      void saveNow()
        .catch(() => undefined)
        .finally(() => c.close());
    };
  }, [storage, begin, dataGeneration]);

  const run = useCallback(
    async (api: string, params: Record<string, unknown>, as?: UiCallContext): Promise<CallOutcome> => {
      if (!client) throw new Error('시뮬레이터가 아직 준비되지 않았습니다');
      duringCall.current = [];
      const outcome = await client.request({ kind: 'call', api, params, ctx: as ?? ctx });
      const later = duringCall.current;
      duringCall.current = [];
      const id = flowId.current++;
      setFlows((fs) => [...fs.slice(-199), { id, outcome, later }]);
      setSelectedFlow(id);
      setRevision((r) => r + 1);
      return outcome;
    },
    [client, ctx],
  );

  // A note asked to try an action: show the palette, which opens that action's form.
  useEffect(() => {
    if (pendingAction) setTab('act');
  }, [pendingAction]);

  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  const reset = useCallback(async () => {
    if (!client) return;
    begin(await client.request({ kind: 'reset' }));
  }, [client, begin]);

  const session: SimSession | null = useMemo(
    () =>
      client && info
        ? { client, accountId: info.accountId, regions: info.regions, nowMs, speed, ctx, setCtx, flows, selectedFlow, selectFlow: setSelectedFlow, deliveries, feed, revision, epoch, refresh, run, go: setTab, fileRequest, openFile }
        : null,
    [client, info, nowMs, speed, ctx, flows, selectedFlow, deliveries, feed, revision, epoch, refresh, run, fileRequest, openFile],
  );

  if (error) return <section className="sim"><h1>시뮬레이터</h1><p className="message error">{error}</p></section>;
  if (!session) return <section className="sim"><h1>시뮬레이터</h1><p className="muted">샌드박스를 여는 중…</p></section>;

  return (
    <SimContext.Provider value={session}>
      <section className="sim" aria-labelledby="simulator-title">
        <div className="sim-head">
          <h1 id="simulator-title">시뮬레이터</h1>
          <p className="muted small">계정 {session.accountId} · 시드 1 샌드박스 · 호출은 모두 실제 API 호출로 기록됩니다</p>
        </div>
        <TopBar onReset={reset} />
        <Tabs tab={tab} setTab={setTab} />
        <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
          {tab === 'act' ? <ActPanel /> : tab === 'history' ? <EventHistory /> : tab === 'trails' ? <TrailsPanel /> : <WatchPanel />}
        </div>
      </section>
    </SimContext.Provider>
  );
}

function Tabs({ tab, setTab }: { tab: SimTab; setTab: (t: SimTab) => void }) {
  const unread = useUnreadCount();
  return (
    <div className="sim-tabs" role="tablist" aria-label="시뮬레이터 화면">
      {TABS.map((t) => (
        <button key={t.id} role="tab" aria-selected={tab === t.id} className={`sim-tab${tab === t.id ? ' active' : ''}`} onClick={() => setTab(t.id)}>
          {t.label}
          {t.id === 'inbox' && unread > 0 ? <span className="sim-unread" aria-label={`읽지 않은 알림 ${unread}개`}>{unread}</span> : null}
        </button>
      ))}
    </div>
  );
}
