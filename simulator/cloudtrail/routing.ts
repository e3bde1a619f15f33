// Where one record went and why not elsewhere, for the UI and the quiz: machine-readable codes plus a
// Korean sentence for each place (the Region's event history, every trail).
import type { ActionDef, CloudTrailRecord } from '../core/contract';
import { dataTargetOf, matchSelectors, type SelectorVerdict } from './trails/selector-match';
import type { TrailConfig, TrailStatus } from './trails/trail-types';
import { isoSeconds, MINUTE_MS } from './time';
import type { InsightDetection } from './insights/engine';
import { insightsReadyMs, trailCoversRegion } from './insights/learning';
import type { LogFolder } from './delivery/files';
import type { LaneSlot } from './delivery/lanes';
import { resourceArnOf } from './history/lookup-keys';

/** Buffers a landed record for a trail and says when its file is due; `slot` is the landed decision's, where
 *  the buffering side may keep the lane it found (a decision stands for one trail, Region and folder). */
export type DueFn = (folder: LogFolder, trailArn: string, slot?: LaneSlot) => number;

export type HistoryCode = 'MANAGEMENT_EVENT' | 'INSIGHT_EVENT' | 'DATA_EVENT' | 'REGION_NOT_IN_ACCOUNT';

export type TrailCode =
  | 'DELIVERY_SCHEDULED'
  | 'NOT_LOGGING'
  | 'OTHER_REGION'
  | 'GLOBAL_SERVICE_EVENTS_EXCLUDED'
  | 'INSIGHTS_NOT_SELECTED'
  | 'INSIGHTS_LEARNING'
  | Extract<SelectorVerdict, { selected: false }>['code'];

export type HistoryRouting = { region: string; landed: boolean; code: HistoryCode; reasonKo: string };

export type TrailRouting = {
  trailName: string;
  trailArn: string;
  landed: boolean;
  code: TrailCode;
  reasonKo: string;
  /** Present when landed: the file's Region folder, bucket and when the file is due. */
  deliveryRegion?: string;
  deliveryFolder?: LogFolder;
  s3Bucket?: string;
  deliveryDueTime?: string;
  cloudWatchLogsLogGroupArn?: string;
};

export type RecordRouting = {
  eventId: string;
  eventName: string;
  awsRegion: string;
  eventHistory: HistoryRouting;
  trails: TrailRouting[];
};

/** The verdict depends on the account's Regions, the record's Region and its category alone: one shared (never
 *  changed) object for each, found without building a key per record. */
const historyVerdicts = new WeakMap<readonly string[], Map<string, Map<string, HistoryRouting>>>();

export function historyRouting(record: CloudTrailRecord, regions: readonly string[]): HistoryRouting {
  let byRegion = historyVerdicts.get(regions);
  if (!byRegion) historyVerdicts.set(regions, (byRegion = new Map()));
  let byCategory = byRegion.get(record.awsRegion);
  if (!byCategory) byRegion.set(record.awsRegion, (byCategory = new Map()));
  let verdict = byCategory.get(record.eventCategory);
  if (!verdict) byCategory.set(record.eventCategory, (verdict = historyVerdict(record, regions)));
  return verdict;
}

function historyVerdict(record: CloudTrailRecord, regions: readonly string[]): HistoryRouting {
  const region = record.awsRegion;
  if (!regions.includes(region)) {
    return { region, landed: false, code: 'REGION_NOT_IN_ACCOUNT', reasonKo: `${region} 리전은 이 계정의 시뮬레이션 리전이 아닙니다.` };
  }
  if (record.eventCategory === 'Data') {
    return { region, landed: false, code: 'DATA_EVENT', reasonKo: `데이터 이벤트는 이벤트 기록(Event history)에 표시되지 않습니다. 트레일의 데이터 이벤트 선택기로만 기록됩니다.` };
  }
  if (record.eventCategory === 'Insight') {
    return { region, landed: true, code: 'INSIGHT_EVENT', reasonKo: `Insights 이벤트로 ${region} 리전의 Insights 기록에 90일간 남습니다(LookupEvents EventCategory=insight).` };
  }
  return { region, landed: true, code: 'MANAGEMENT_EVENT', reasonKo: `관리 이벤트라서 ${region} 리전의 이벤트 기록에 90일간 남습니다.` };
}

const RW_KO: Record<string, string> = { All: '읽기·쓰기 모두', ReadOnly: '읽기 전용(ReadOnly)', WriteOnly: '쓰기 전용(WriteOnly)' };

function selectorReasonKo(v: Extract<SelectorVerdict, { selected: false }>, trail: TrailConfig, record: CloudTrailRecord): string {
  const name = trail.name;
  switch (v.code) {
    case 'MANAGEMENT_NOT_SELECTED':
      return `트레일 ${name}은(는) 관리 이벤트를 기록하지 않도록 설정되어 있습니다(IncludeManagementEvents=false).`;
    case 'READ_WRITE_FILTER':
      return `트레일 ${name}은(는) ${RW_KO[v.detail] ?? v.detail} 이벤트만 기록하는데, 이 이벤트는 ${record.readOnly ? '읽기 전용' : '쓰기'} 이벤트입니다.`;
    case 'SOURCE_EXCLUDED':
      return `트레일 ${name}은(는) ${v.detail}의 관리 이벤트를 제외합니다(ExcludeManagementEventSources).`;
    case 'DATA_NOT_SELECTED':
      return `트레일 ${name}의 데이터 이벤트 선택기가 ${v.detail}을(를) 선택하지 않았습니다. 데이터 이벤트는 기본적으로 기록되지 않습니다.`;
    case 'ADVANCED_NO_MATCH':
      return `트레일 ${name}의 고급 이벤트 선택기(${v.detail}) 중 이 이벤트와 일치하는 것이 없습니다.`;
  }
}

/** Records buffered in one lane share a due time for five minutes: format it once. */
let lastDue: { ms: number; text: string } | undefined;
function dueTimeOf(ms: number): string {
  if (lastDue?.ms !== ms) lastDue = { ms, text: isoSeconds(ms) };
  return lastDue.text;
}

/** Advanced selector fields whose value comes from the action alone, not from this call's details. */
const PER_ACTION_FIELDS = new Set(['eventCategory', 'eventSource', 'eventName', 'eventType', 'readOnly']);

/** Whether the trail's verdict on a record depends only on the action and Region (not on the caller,
 *  resources or error): then it is worked out once per action and reused. */
function decidedByAction(trail: TrailConfig, record: CloudTrailRecord): boolean {
  if (record.eventCategory === 'Insight') return false;
  // A data event meets basic selectors without data resources only to be turned away, naming its target.
  if (trail.selectors.kind === 'basic') return record.eventCategory === 'Management' || trail.selectors.eventSelectors.every((s) => s.DataResources.length === 0);
  return trail.selectors.advancedEventSelectors.every((s) => s.FieldSelectors.every((f) => PER_ACTION_FIELDS.has(f.Field)));
}

/** A trail's verdict on an action. A landed one is worked out for a file due at epoch 0: the same for every
 *  due time but in the two places that name it. One class for both kinds keeps the hot path monomorphic. */
class Decision implements LaneSlot {
  /** The verdict on the last due time asked for (all records of a five-minute lane share one). */
  dueMs = -1;
  routing: TrailRouting;
  epoch: object | undefined = undefined;
  lane: object | undefined = undefined;
  /** The landed sentence around its due time, cut once (a lane's due time changes every five minutes);
   *  undefined when it names none. */
  private readonly aroundDue: readonly [string, string] | undefined;
  constructor(
    /** Where a landed record's file goes; null when the trail turns the action away (`routing` is then final). */
    readonly folder: LogFolder | null,
    readonly atZero: TrailRouting,
  ) {
    this.routing = atZero;
    const text = atZero.reasonKo;
    const at = folder === null ? -1 : text.indexOf(ZERO_DUE_TEXT);
    this.aroundDue = at < 0 ? undefined : [text.slice(0, at), text.slice(at + ZERO_DUE_TEXT.length)];
  }

  /** trailRouting's landed verdict for another due time, without building its sentences again. Its members are
   *  written out in trailRouting's order rather than spread from atZero (the spread was 0.4% of a 90-day run). */
  withDue(dueMs: number): TrailRouting {
    const dueTime = dueTimeOf(dueMs);
    const around = this.aroundDue;
    const z = this.atZero;
    const routing: TrailRouting = {
      trailName: z.trailName,
      trailArn: z.trailArn,
      landed: z.landed,
      code: z.code,
      reasonKo: around ? `${around[0]}${dueTime}${around[1]}` : z.reasonKo,
      deliveryRegion: z.deliveryRegion,
      deliveryFolder: z.deliveryFolder,
      s3Bucket: z.s3Bucket,
      deliveryDueTime: dueTime,
    };
    if (z.cloudWatchLogsLogGroupArn) routing.cloudWatchLogsLogGroupArn = z.cloudWatchLogsLogGroupArn;
    return routing;
  }
}

/** What trailRouting writes for a file due at epoch 0; no trail or bucket name can hold it (no colons). */
const ZERO_DUE_TEXT = isoSeconds(0);

/** Everything about a record that a per-action verdict reads. */
export function actionKeyOf(record: CloudTrailRecord, def: ActionDef): string {
  const target = record.eventCategory === 'Data' ? dataTargetOf(record) : '';
  return `${record.awsRegion}|${def.api}|${record.eventSource}|${record.eventName}|${record.eventType}|${record.readOnly}|${record.eventCategory}|${def.globalService}|${target}`;
}

/** Per trail configuration (configs are replaced, never changed, when a trail is updated): decisions by action. */
const decisions = new WeakMap<TrailConfig, Map<string, Decision>>();

/** One trail's decision on an action, worked out once per configuration and logging state. */
function decisionFor(record: CloudTrailRecord, def: ActionDef, trail: TrailConfig, status: TrailStatus, actionKey: string): Decision {
  let byAction = decisions.get(trail);
  if (!byAction) decisions.set(trail, (byAction = new Map()));
  const key = status.isLogging ? actionKey : `off|${actionKey}`;
  let decision = byAction.get(key);
  if (!decision) {
    let folder: LogFolder | undefined;
    const routing = trailRouting(record, def, trail, status, (f) => {
      folder = f;
      return 0;
    });
    decision = folder ? landedDecision(trail, record.awsRegion, folder, routing) : new Decision(null, routing);
    byAction.set(key, decision);
  }
  return decision;
}

/** A landed verdict names the trail, the Region's file and its due time, never the action: every action a
 *  trail takes in one Region and folder shares one decision, so a new due time is written into it once, not
 *  once per action. */
const landedDecisions = new WeakMap<TrailConfig, Map<string, Decision>>();

function landedDecision(trail: TrailConfig, region: string, folder: LogFolder, atZero: TrailRouting): Decision {
  let byPlace = landedDecisions.get(trail);
  if (!byPlace) landedDecisions.set(trail, (byPlace = new Map()));
  const place = `${region}\u0000${folder}`;
  let decision = byPlace.get(place);
  if (!decision) byPlace.set(place, (decision = new Decision(folder, atZero)));
  return decision;
}

/** A decision applied to this record: a landed one is buffered and names its file's due time. Routing objects
 *  are shared between records this way: nobody may change one. */
function applied(decision: Decision, trailArn: string, due: DueFn): TrailRouting {
  if (decision.folder === null) return decision.routing;
  const dueMs = due(decision.folder, trailArn, decision);
  if (decision.dueMs !== dueMs) {
    decision.dueMs = dueMs;
    decision.routing = decision.withDue(dueMs);
  }
  return decision.routing;
}

/** One action's decisions by trail, and the verdict list it gave last (see TrailVerdictTable.route). */
class Row {
  last: TrailRouting[] | undefined = undefined;
  constructor(readonly decisions: readonly (Decision | null)[]) {}
}

/** What routing reads of a trail: its configuration (replaced, never changed) and whether it is logging. */
export interface RoutedTrail {
  readonly config: TrailConfig;
  readonly status: TrailStatus;
}

/**
 * Every trail's decisions on each action at once, for one set of trails: a record then costs one lookup, not one
 * per trail. The set is the trails' configurations and logging states; when any of them changes the table starts
 * over (the per-configuration decisions above survive, so starting over is cheap).
 */
export class TrailVerdictTable {
  private configs: TrailConfig[] = [];
  private logging: boolean[] = [];
  /** Each trail's decision, or null where the verdict depends on more than the action; found by the action's
   *  definition (when the record names the same source, event, type and category as it: nearly always) or else
   *  by the whole action key, then by Region, then by data-event target. Existing strings and objects are the
   *  keys, so no key is built per record. */
  private byAction = new Map<ActionDef | string, Map<string, Map<string, Row>>>();

  /** The list last routed with: a caller that keeps its list until a trail changes is checked only then. */
  private checked: readonly RoutedTrail[] | undefined;
  /** The trails' ARNs, read once: trail contexts come in many shapes, and reading them per record was slow. */
  private arns: string[] = [];

  /** The verdict of every trail on `record`, in the trails' order. The list is shared, like the verdicts in
   *  it: a record whose verdicts are all the very objects the action's record before got (a lane's due time
   *  changes every five minutes) gets that record's list again, not a new one. Nobody may change one. */
  route(record: CloudTrailRecord, def: ActionDef, trails: readonly RoutedTrail[], due: DueFn): TrailRouting[] {
    if (trails !== this.checked) {
      if (!this.sameTrails(trails)) this.remember(trails);
      this.checked = trails;
    }
    const row = this.rowFor(record, def, trails);
    const decisions = row.decisions;
    const last = row.last;
    // Undefined while every verdict so far is the last list's.
    let out: TrailRouting[] | undefined;
    for (let i = 0; i < decisions.length; i++) {
      const d = decisions[i]!;
      let verdict: TrailRouting;
      if (d !== null) verdict = applied(d, this.arns[i]!, due);
      else {
        const t = trails[i]!;
        verdict = trailRouting(record, def, t.config, t.status, (f) => due(f, t.config.arn));
      }
      if (out === undefined) {
        if (last !== undefined && last[i] === verdict) continue;
        out = last === undefined ? [] : last.slice(0, i);
      }
      out.push(verdict);
    }
    if (out === undefined && last !== undefined) return last;
    row.last = out ??= [];
    return out;
  }

  private rowFor(record: CloudTrailRecord, def: ActionDef, trails: readonly RoutedTrail[]): Row {
    const asDefined =
      record.eventSource === def.eventSource && record.eventName === def.eventName && record.eventType === def.eventType && record.eventCategory === def.category &&
      record.readOnly === (def.eventType === 'AwsConsoleSignIn' ? undefined : def.readOnly);
    const first = asDefined ? def : actionKeyOf(record, def);
    let byRegion = this.byAction.get(first);
    if (!byRegion) this.byAction.set(first, (byRegion = new Map()));
    let byTarget = byRegion.get(record.awsRegion);
    if (!byTarget) byRegion.set(record.awsRegion, (byTarget = new Map()));
    const target = record.eventCategory === 'Data' ? this.targetOf(record) : '';
    let row = byTarget.get(target);
    if (!row) {
      const actionKey = actionKeyOf(record, def);
      row = new Row(trails.map((t) => (decidedByAction(t.config, record) ? decisionFor(record, def, t.config, t.status, actionKey) : null)));
      byTarget.set(target, row);
    }
    return row;
  }

  /** The last single resource a data event named, and its target: a publisher names the same topic again and
   *  again (EventBridge, for every event a rule matches), and cutting its name out of the ARN anew made a new
   *  string to hash per record. */
  private lastType: string | undefined;
  private lastArn: string | undefined;
  private lastTarget = '';

  /** dataTargetOf(record). With one resource it reads only that resource's type and ARN, so equal ones give
   *  the target worked out last. */
  private targetOf(record: CloudTrailRecord): string {
    const resources = record.resources;
    if (resources === undefined || resources.length !== 1) return dataTargetOf(record);
    const r = resources[0]!;
    const arn = resourceArnOf(r);
    if (r.type !== this.lastType || arn !== this.lastArn) {
      this.lastTarget = dataTargetOf(record);
      this.lastType = r.type;
      this.lastArn = arn;
    }
    return this.lastTarget;
  }

  private sameTrails(trails: readonly RoutedTrail[]): boolean {
    if (trails.length !== this.configs.length) return false;
    for (let i = 0; i < trails.length; i++) {
      if (trails[i]!.config !== this.configs[i] || trails[i]!.status.isLogging !== this.logging[i]) return false;
    }
    return true;
  }

  private remember(trails: readonly RoutedTrail[]): void {
    this.configs = trails.map((t) => t.config);
    this.logging = trails.map((t) => t.status.isLogging);
    this.arns = trails.map((t) => t.config.arn);
    this.byAction.clear();
  }
}

/** The verdict for one trail; `due` is asked only when the record is taken. */
export function trailRouting(
  record: CloudTrailRecord,
  def: ActionDef,
  trail: TrailConfig,
  status: TrailStatus,
  due: (folder: LogFolder) => number,
): TrailRouting {
  const base = { trailName: trail.name, trailArn: trail.arn };
  const no = (code: TrailCode, reasonKo: string): TrailRouting => ({ ...base, landed: false, code, reasonKo });
  if (!status.isLogging) {
    return no('NOT_LOGGING', `트레일 ${trail.name}은(는) 로깅 중이 아닙니다(StartLogging 전이거나 StopLogging 상태).`);
  }
  if (!trail.isMultiRegionTrail && record.awsRegion !== trail.homeRegion) {
    return no('OTHER_REGION', `트레일 ${trail.name}은(는) ${trail.homeRegion}의 단일 리전 트레일이고, 이 이벤트는 ${record.awsRegion}에 기록되었습니다.`);
  }
  if (def.globalService && !trail.includeGlobalServiceEvents) {
    return no('GLOBAL_SERVICE_EVENTS_EXCLUDED', `트레일 ${trail.name}은(는) 글로벌 서비스 이벤트(IAM, STS 글로벌 엔드포인트, CloudFront)를 포함하지 않습니다(IncludeGlobalServiceEvents=false).`);
  }
  const insightType = (record.insightDetails as { insightType?: string } | undefined)?.insightType;
  if (record.eventCategory === 'Insight') {
    if (!trail.insightSelectors.some((s) => s.InsightType === insightType)) {
      return no('INSIGHTS_NOT_SELECTED', `트레일 ${trail.name}에는 ${insightType ?? 'Insights'} 선택기가 없습니다(PutInsightSelectors).`);
    }
  } else {
    const verdict = matchSelectors(trail.selectors, record);
    if (!verdict.selected) return no(verdict.code, selectorReasonKo(verdict, trail, record));
  }
  const folder: LogFolder = record.eventCategory === 'Insight' ? 'CloudTrail-Insight' : 'CloudTrail';
  const dueMs = due(folder);
  const dueTime = dueTimeOf(dueMs);
  const routing: TrailRouting = {
    ...base,
    landed: true,
    code: 'DELIVERY_SCHEDULED',
    reasonKo: `트레일 ${trail.name}에 기록되어 ${dueTime}에 S3 버킷 ${trail.s3BucketName}의 ${folder}/${record.awsRegion}/ 로그 파일로 전달됩니다.`,
    deliveryRegion: record.awsRegion,
    deliveryFolder: folder,
    s3Bucket: trail.s3BucketName,
    deliveryDueTime: dueTime,
  };
  if (trail.cloudWatchLogsLogGroupArn) routing.cloudWatchLogsLogGroupArn = trail.cloudWatchLogsLogGroupArn;
  return routing;
}

/** An Insights event that began before the trail's learning period was over is not delivered to it. */
export function insightsLearningRouting(trail: TrailConfig, readyMs: number): TrailRouting {
  return {
    trailName: trail.name,
    trailArn: trail.arn,
    landed: false,
    code: 'INSIGHTS_LEARNING',
    reasonKo: `트레일 ${trail.name}의 Insights는 켜진 뒤(또는 로깅을 다시 시작한 뒤) 최대 36시간이 지나야 이벤트를 전달합니다. 이 트레일은 ${isoSeconds(readyMs)}부터 받습니다.`,
  };
}

/** A trail whose Insights selector covers only data events does not receive management-event Insights. */
export function insightsNotSelectedRouting(trail: TrailConfig, insightType: string): TrailRouting {
  return {
    trailName: trail.name,
    trailArn: trail.arn,
    landed: false,
    code: 'INSIGHTS_NOT_SELECTED',
    reasonKo: `트레일 ${trail.name}의 ${insightType} 선택기는 관리 이벤트를 분석하지 않습니다(EventCategories에 Management 없음).`,
  };
}

/** Why an Insights event does not reach a trail that otherwise would take it: the incident began during the
 *  trail's learning period, or the trail's selector covers only data events. */
export function insightTrailVerdict(config: TrailConfig, status: TrailStatus, region: string, insight: InsightDetection): TrailRouting | undefined {
  const type = insight.key.insightType;
  const readyMs = insightsReadyMs(config, status, type);
  if (readyMs === undefined) {
    const typeSelected = config.insightSelectors.some((s) => s.InsightType === type);
    return status.isLogging && typeSelected ? insightsNotSelectedRouting(config, type) : undefined;
  }
  const startedMs = (insight.eventMinute - (insight.state === 'End' ? insight.insightMinutes : 0)) * MINUTE_MS;
  return startedMs < readyMs && trailCoversRegion(config, region) ? insightsLearningRouting(config, readyMs) : undefined;
}
