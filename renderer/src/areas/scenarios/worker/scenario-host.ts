// The worker's side: hosts one ScenarioRun, answers moves, and serves the simulator screen's read-only requests
// from the scenario's own account. Free of worker globals so it runs (and is tested) in Node.
import { SCENARIOS } from '../../../../../content/scenarios';
import type { ScenarioAction } from '../../../../../content/scenarios/types';
import type { Json, JsonObject, SimEvent } from '../../../../../simulator';
import type { CallLogEntry } from '../../../../../content/scenarios/types';
import { ScenarioRun } from '../../../scenarios/scenario-run';
import { DeliveryWatch, inspectS3Reader, objectText, pendingOf } from '../../simulator/worker/deliveries';
import { fromBase64 } from '../../../../../simulator/core/format';
import { envelopeSchema, type CallOutcome, type FromWorker as SimFromWorker, type SimRequest, type UiCallContext } from '../../simulator/worker/protocol';
import { toWorkerSchema, type FromScenarioWorker, type MoveResult, type RunView, type ScenarioRequest } from './scenario-protocol';
import type { SavedMove } from '../progress-entry';

const INSPECT = 'sim:Inspect';
/** Reported consequences kept per move: enough to show, not a week of traffic's worth. */
const EVENT_CAP = 60;
// Every call reports its own completion and every clock step its advance; the flow shows neither.
const UNSHOWN = new Set(['call.completed', 'clock.advanced', 'metric.datapoint']);

export class ScenarioHost {
  private run: ScenarioRun | undefined;
  private readonly watch = new DeliveryWatch();

  constructor(private readonly post: (m: FromScenarioWorker) => void) {}

  receive(raw: unknown): void {
    const parsed = toWorkerSchema.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.lane === 'sim') return this.receiveSim(m.message);
    try {
      this.post({ lane: 'scenario', id: m.id, ok: true, value: this.handle(m.req) });
    } catch (e) {
      this.post({ lane: 'scenario', id: m.id, ok: false, errorKo: `시나리오 실행 오류: ${(e as Error).message}` });
    }
  }

  handle(req: ScenarioRequest): MoveResult {
    if (req.kind === 'open') return this.open(req.scenarioId, req.moves);
    const run = this.current();
    switch (req.kind) {
      case 'perform':
        return this.move(() => {
          run.perform(req.action as ScenarioAction);
          return [];
        });
      case 'hint':
        run.hint();
        return this.result([], [], [], []);
      case 'skip':
        return this.move(() => run.skip());
      case 'restart':
        run.restart();
        this.watch.clear();
        return this.result([], [], [], []);
    }
  }

  private open(scenarioId: string, moves: SavedMove[]): MoveResult {
    const def = SCENARIOS.find((s) => s.id === scenarioId);
    if (!def) throw new Error(`없는 시나리오입니다: ${scenarioId}`);
    const run = new ScenarioRun(def);
    run.onTrafficProgress = (done, total) => this.post({ lane: 'progress', done, total });
    this.run = run;
    this.watch.clear();
    // Replaying the saved moves on the same seeded sandbox rebuilds the very same account.
    for (const m of moves) {
      if (m.move === 'hint') run.hint();
      else if (m.move === 'skip') run.skip();
      else this.move(() => (run.perform(m.action as ScenarioAction), []));
    }
    return this.result([], [], [], []);
  }

  private current(): ScenarioRun {
    if (!this.run) throw new Error('열린 시나리오가 없습니다');
    return this.run;
  }

  /** Runs a move and reports what it did: the calls it logged, what the simulation said, files that arrived. */
  private move(act: () => ScenarioAction[]): MoveResult {
    const run = this.current();
    const logBefore = run.log.length;
    const eventsBefore = run.events.length;
    const performed = act();
    // A restart inside the move (none today) would shrink the log; report nothing rather than wrong entries.
    const fresh = run.log.length >= logBefore ? run.log.slice(logBefore) : [];
    for (const e of fresh) this.watch.add(pendingOf(e.result.routing));
    // The learner's own records are shown with their calls; generated traffic's are far too many to list.
    const own = new Set(fresh.flatMap((e) => e.result.records.map((r) => r.eventID)));
    const traffic = fresh.some((e) => e.count !== undefined);
    const events = run.events
      .slice(eventsBefore)
      .filter((e) => !UNSHOWN.has(e.type) && !(e.type === 'record.written' && (traffic || own.has(e.record.eventID))))
      .slice(-EVENT_CAP);
    return this.result(fresh.map(outcomeOf), events, this.checkDeliveries(), performed);
  }

  private result(outcomes: CallOutcome[], events: SimEvent[], delivered: MoveResult['delivered'], performed: ScenarioAction[]): MoveResult {
    return { view: this.view(), outcomes, events: events as unknown as MoveResult['events'], delivered, performed: performed as MoveResult['performed'] };
  }

  private view(): RunView {
    const run = this.current();
    const a = run.account;
    return { scenarioId: run.def.id, ...run.state, nowMs: a.clock.now(), accountId: a.accountId, regions: [...a.regions] };
  }

  private inspect(region: string, action: string, params: JsonObject): JsonObject {
    const r = this.current().account.call(INSPECT, { Action: action, Params: params }, { as: 'root', region, via: 'sdk' });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.response;
  }

  private checkDeliveries(): MoveResult['delivered'] {
    const a = this.current().account;
    const region = a.regions[0] ?? 'us-east-1';
    return this.watch.check(a.clock.now(), inspectS3Reader((r, action, p) => this.inspect(r, action, p), region));
  }

  /** The simulator screen's read-only requests, answered in its own protocol; anything that changes state is refused. */
  private receiveSim(raw: unknown): void {
    const send = (message: SimFromWorker) => this.post({ lane: 'sim', message });
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) return;
    const { id, req } = parsed.data;
    try {
      send({ id, ok: true, value: this.handleSim(req) });
    } catch (e) {
      send({ id, ok: false, errorKo: (e as Error).message });
    }
  }

  private handleSim(req: SimRequest): unknown {
    const a = this.current().account;
    switch (req.kind) {
      case 'inspect': {
        const r = a.call(INSPECT, { Action: req.action, Params: req.params as JsonObject }, { as: 'root', region: req.region, via: 'sdk' });
        return r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error };
      }
      case 'catalog':
        return a.catalog().map((d) => ({
          api: d.api, eventName: d.eventName, readOnly: d.readOnly, category: d.category, summaryKo: d.summaryKo,
          ...(d.recordedByCloudTrail === false ? { recordedByCloudTrail: false as const } : {}),
        }));
      case 'object':
        return objectText(fromBase64(String(this.inspect(req.region, 's3:GetObject', { Bucket: req.bucket, Key: req.key })['Body'] ?? '')));
      default:
        throw new Error(`시나리오에서는 '${req.kind}' 요청을 쓰지 않습니다. 시나리오의 호출은 단계 확인을 거쳐야 합니다.`);
    }
  }
}

export function outcomeOf(e: CallLogEntry): CallOutcome {
  const base = { api: e.api, ctx: e.ctx as UiCallContext, atMs: e.atMs, records: e.result.records as unknown as JsonObject[], routing: e.result.routing as Json[] };
  return e.result.ok ? { ...base, ok: true, response: e.result.response } : { ...base, ok: false, error: e.result.error };
}
