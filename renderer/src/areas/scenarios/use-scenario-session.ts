// One open scenario: its worker, the run's state as the worker reports it, what the screen shows of each move,
// and the saved progress entry, written after every move so closing the app loses nothing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioAction, ScenarioDef } from '../../../../content/scenarios/types';
import type { JsonObject } from '../../../../simulator/core/contract';
import { useApp } from '../../store/app-store';
import { deliveryKey, type FlowEntry, type SimEventLike, type SimSession } from '../simulator/sim-context';
import type { CallOutcome, Delivered, UiCallContext } from '../simulator/worker/protocol';
import { openScenarioWorker, type ScenarioClient } from './scenario-client';
import { defaultCtx } from './step-actions';
import { IDLE_CAP_MS, newEntry, readEntry, type SavedMove, type ScenarioEntry } from './progress-entry';
import type { MoveResult, RunView, ScenarioRequest } from './worker/scenario-protocol';

type SavedAction = Extract<SavedMove, { move: 'perform' }>['action'];

export interface TrafficSetting {
  on: boolean;
  perMinute: number;
  minutes: number;
}

function notice(text: string): void {
  useApp.setState((s) => ({ notices: [...s.notices, text] }));
}

function save(id: string, entry: ScenarioEntry): void {
  void useApp.getState().updateProgress((p) => ({ ...p, scenarios: { ...p.scenarios, [id]: entry } }));
}

export function useScenarioSession(def: ScenarioDef, makeClient: () => ScenarioClient = openScenarioWorker) {
  const [client, setClient] = useState<ScenarioClient | null>(null);
  const [view, setView] = useState<RunView | null>(null);
  const [busy, setBusy] = useState<string | null>('샌드박스를 준비하는 중…');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flows, setFlows] = useState<FlowEntry[]>([]);
  const [selectedFlow, setSelectedFlow] = useState<number | null>(null);
  const [feed, setFeed] = useState<{ atMs: number; event: SimEventLike }[]>([]);
  const [deliveries, setDeliveries] = useState<ReadonlyMap<string, Delivered>>(new Map());
  const [revision, setRevision] = useState(0);
  const [performed, setPerformed] = useState<ScenarioAction[] | null>(null);
  const [fileRequest, setFileRequest] = useState<{ bucket: string; key: string } | null>(null);
  const [ctx, setCtx] = useState<UiCallContext>(() => defaultCtx(def));
  const [traffic, setTraffic] = useState<TrafficSetting>({ on: false, perMinute: 20, minutes: 60 });
  const [entry, setEntry] = useState<ScenarioEntry | null>(null);
  const entryRef = useRef<ScenarioEntry | null>(null);
  const lastTick = useRef(Date.now());
  const flowId = useRef(1);

  /** Shows what a move did: call outcomes in the flow, consequences beside them or in the clock feed. */
  const show = useCallback((r: MoveResult, direct: boolean) => {
    setView(r.view);
    setRevision((n) => n + 1);
    if (r.delivered.length) {
      setDeliveries((m) => {
        const next = new Map(m);
        for (const d of r.delivered) next.set(deliveryKey(d.eventId, d.trailArn), d);
        return next;
      });
    }
    const events = r.events as SimEventLike[];
    const single = direct && r.outcomes.length === 1;
    if (r.outcomes.length) {
      const added = r.outcomes.map((outcome, i) => ({ id: flowId.current++, outcome, later: single && i === 0 ? events : [] }));
      setFlows((f) => [...f, ...added]);
      setSelectedFlow(added[added.length - 1]!.id);
    }
    if (!single && events.length) setFeed((f) => [...f, ...events.map((event) => ({ atMs: typeof event['atMs'] === 'number' ? event['atMs'] : r.view.nowMs, event }))]);
  }, []);

  const record = useCallback(
    (move: SavedMove | 'restart', v: RunView) => {
      const prev = entryRef.current ?? newEntry(def.steps.length, new Date().toISOString());
      const now = Date.now();
      const nowIso = new Date(now).toISOString();
      const gap = Math.min(now - lastTick.current, IDLE_CAP_MS);
      lastTick.current = now;
      const base = move === 'restart' ? newEntry(def.steps.length, nowIso, prev.lastCompletion) : { ...prev, moves: [...prev.moves, move], activeMs: prev.activeMs + gap };
      const next: ScenarioEntry = { ...base, stepIndex: v.index, stepCount: def.steps.length, completed: v.completed, hintsUsed: v.hintsUsed, skipped: v.skipped, updatedAt: nowIso };
      if (v.completed && !prev.completed && move !== 'restart') next.lastCompletion = { at: nowIso, activeMs: next.activeMs, hintsUsed: next.hintsUsed, skipped: next.skipped.length };
      entryRef.current = next;
      setEntry(next);
      save(def.id, next);
    },
    [def],
  );

  useEffect(() => {
    const c = makeClient();
    let live = true;
    const off = c.onProgress((done, total) => live && setProgress({ done, total }));
    setClient(c);
    const read = readEntry(useApp.getState().progress.scenarios[def.id]);
    if (read.problemKo) notice(`${def.titleKo}: ${read.problemKo}`);
    const saved = read.entry;
    entryRef.current = saved;
    setEntry(saved);
    lastTick.current = Date.now();
    setBusy(saved?.moves.length ? `저장된 ${saved.moves.length}개의 동작을 다시 실행해 진행 상태를 복원하는 중…` : '샌드박스를 준비하는 중…');
    c.request({ kind: 'open', scenarioId: def.id, moves: saved?.moves ?? [] })
      .then((r) => {
        if (!live) return;
        show(r, false);
        if (saved && (r.view.index !== saved.stepIndex || r.view.completed !== saved.completed)) {
          notice(`${def.titleKo}: 저장된 동작을 다시 실행한 결과가 저장된 진행(${saved.stepIndex + 1}단계)과 다릅니다. 시나리오 내용이 바뀌었을 수 있습니다.`);
        }
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => {
        if (!live) return;
        setBusy(null);
        setProgress(null);
      });
    return () => {
      live = false;
      off();
      c.close();
      // Time on the screen since the last move still counts when the learner leaves.
      const e = entryRef.current;
      if (e && e.moves.length && !e.completed) save(def.id, { ...e, activeMs: e.activeMs + Math.min(Date.now() - lastTick.current, IDLE_CAP_MS) });
    };
  }, [def, makeClient, show]);

  const send = useCallback(
    async (req: ScenarioRequest, move: SavedMove | 'restart', label: string): Promise<MoveResult | null> => {
      if (!client) return null;
      setBusy(label);
      setError(null);
      try {
        const r = await client.request(req);
        show(r, req.kind === 'perform' && !('advance' in req.action) && !('traffic' in req.action));
        record(move, r.view);
        return r;
      } catch (e) {
        setError((e as Error).message);
        return null;
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [client, show, record],
  );

  // The UI only acts through the learner's channels (never 'service'), which is what the saved schema allows.
  const perform = useCallback((action: ScenarioAction) => send({ kind: 'perform', action: action as SavedAction }, { move: 'perform', action: action as SavedAction }, 'traffic' in action ? '트래픽을 만드는 중…' : 'advance' in action ? '시계를 앞으로 돌리는 중…' : '호출하는 중…'), [send]);
  const hint = useCallback(() => void send({ kind: 'hint' }, { move: 'hint' }, '힌트를 여는 중…'), [send]);
  const skip = useCallback(async () => {
    const r = await send({ kind: 'skip' }, { move: 'skip' }, '해법을 실행하는 중…');
    if (r) setPerformed(r.performed as ScenarioAction[]);
  }, [send]);
  const restart = useCallback(async () => {
    const r = await send({ kind: 'restart' }, 'restart', '처음부터 다시 준비하는 중…');
    if (r) {
      setFlows([]);
      setFeed([]);
      setDeliveries(new Map());
      setSelectedFlow(null);
      setPerformed(null);
    }
  }, [send]);

  const run = useCallback(
    async (api: string, params: Record<string, unknown>, over?: UiCallContext): Promise<CallOutcome> => {
      const c = over ?? ctx;
      const call = { api, params: params as JsonObject, as: c.as, region: c.region, via: c.via };
      const action: ScenarioAction = traffic.on ? { traffic: { ...call, perMinute: traffic.perMinute, minutes: traffic.minutes } } : call;
      const r = await perform(action);
      const last = r?.outcomes[r.outcomes.length - 1];
      if (!last) throw new Error('호출 결과를 받지 못했습니다');
      return last;
    },
    [ctx, traffic, perform],
  );

  const session: SimSession | null = useMemo(
    () =>
      client && view
        ? {
            client: client.sim, accountId: view.accountId, regions: view.regions, nowMs: view.nowMs, speed: 0, ctx, setCtx,
            flows, selectedFlow, selectFlow: setSelectedFlow, deliveries, feed, revision,
            refresh: () => setRevision((n) => n + 1),
            run,
            // The scenario screen has a single view, so there is no tab to switch to; files open in place.
            go: () => undefined,
            fileRequest,
            openFile: (bucket, key) => setFileRequest({ bucket, key }),
          }
        : null,
    [client, view, ctx, flows, selectedFlow, deliveries, feed, revision, run, fileRequest],
  );

  return { view, busy, progress, error, entry, performed, traffic, setTraffic, perform, hint, skip, restart, session, fileRequest, closeFile: () => setFileRequest(null) };
}
