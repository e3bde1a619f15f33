import { AwsError, type Json, type JsonObject } from '../core/contract';
import { apiDef, isObject, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { validateTargetInput, type TargetInputConfig } from './input-transform';
import { parseSchedule, UnsupportedSchedule, validSchedule } from './bus-schedule';
import { parseEventPattern } from './pattern';
import type { EventsModel, Rule } from './model';

const need = (p: JsonObject, n: string) => {
  const v = p[n];
  if (typeof v === 'string' && v.length > 0) return v;
  throw new AwsError('ValidationException', `1 validation error detected: Value null at '${n.charAt(0).toLowerCase() + n.slice(1)}' failed to satisfy constraint: Member must not be null`);
};
const STATES = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];
/** Targets per rule (EventBridge quotas). */
const MAX_TARGETS = 5;

function checkSchedule(expr: string): void {
  const invalid = new AwsError('ValidationException', 'Parameter ScheduleExpression is not valid.');
  if (!validSchedule(expr)) throw invalid;
  try {
    parseSchedule(expr);
  } catch (e) {
    if (e instanceof UnsupportedSchedule) throw new AwsError('Sim.UnsupportedSchedule', `The simulation does not run this schedule: ${e.message}. Use rate() or a cron() without L, W or #.`);
    throw invalid;
  }
}

const TARGET_ID = /^[.\-_A-Za-z0-9]{1,64}$/;

/** One target of a PutTargets request (position: 1-based), checked as the service does. */
function checkTarget(t: JsonObject, position: number): void {
  const at = `targets.${position}.member`;
  const nul = (f: string) => new AwsError('ValidationException', `1 validation error detected: Value null at '${at}.${f}' failed to satisfy constraint: Member must not be null`);
  if (typeof t['Id'] !== 'string') throw nul('id');
  if (typeof t['Arn'] !== 'string') throw nul('arn');
  if (!TARGET_ID.test(t['Id'])) {
    throw new AwsError('ValidationException', `1 validation error detected: Value '${t['Id']}' at '${at}.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
  }
  if (!/^arn:aws[a-z-]*:[a-z0-9-]+:/.test(t['Arn'])) throw new AwsError('ValidationException', `Parameter ${t['Arn']} is not valid. Reason: Provided Arn is not in correct format.`);
  const tr = t['InputTransformer'];
  if (tr !== undefined && (!isObject(tr) || typeof tr['InputTemplate'] !== 'string')) throw nul('inputTransformer.inputTemplate');
  const input: TargetInputConfig = {
    Id: t['Id'],
    ...(typeof t['Input'] === 'string' ? { Input: t['Input'] } : {}),
    ...(typeof t['InputPath'] === 'string' ? { InputPath: t['InputPath'] } : {}),
    ...(isObject(tr ?? null) ? { InputTransformer: tr as unknown as NonNullable<TargetInputConfig['InputTransformer']> } : {}),
  };
  validateTargetInput(input, position);
}

export function ruleActions(m: EventsModel, d: ServiceDeps): ActionSpec[] {
  const acct = d.accountId;
  const ruleArn = (region: string, name: string) => `arn:aws:events:${region}:${acct}:rule/${name}`;
  const wire = (r: Rule): JsonObject => ({
    Name: r.name, Arn: r.arn, ...(r.eventPattern !== null ? { EventPattern: r.eventPattern } : {}), ...(r.scheduleExpression !== null ? { ScheduleExpression: r.scheduleExpression } : {}),
    State: r.state, ...(r.description ? { Description: r.description } : {}), EventBusName: 'default',
  });
  const setState = (api: string, state: Rule['state'], summaryKo: string): ActionSpec => ({
    def: apiDef(api, { readOnly: false, resourceTypes: ['AWS::Events::Rule'], summaryKo }),
    authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Name') ?? '') }),
    handler: (p, ctx) => {
      m.setRuleState(ctx.region, need(p, 'Name'), state, ctx.clock.now());
      return { response: {} };
    },
  });
  return [
    {
      def: apiDef('events:PutRule', { readOnly: false, resourceTypes: ['AWS::Events::Rule'], summaryKo: 'EventBridge 규칙을 만들거나 고칩니다.' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Name') ?? '') }),
      handler: (p, ctx) => {
        const name = need(p, 'Name');
        if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw new AwsError('ValidationException', `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`);
        const pattern = str(p, 'EventPattern');
        const schedule = str(p, 'ScheduleExpression');
        if (!pattern && !schedule) throw new AwsError('ValidationException', 'Parameter(s) EventPattern or ScheduleExpression must be specified.');
        if (pattern) parseEventPattern(pattern);
        if (schedule) checkSchedule(schedule);
        const state = str(p, 'State') ?? 'ENABLED';
        if (!STATES.includes(state)) throw new AwsError('ValidationException', `1 validation error detected: Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${STATES.join(', ')}]`);
        const rules = m.rules(ctx.region);
        const prev = rules[name];
        const r: Rule = {
          name, arn: ruleArn(ctx.region, name), eventPattern: pattern ?? null, scheduleExpression: schedule ?? null,
          state: state as Rule['state'], description: str(p, 'Description') ?? '', targets: prev?.targets ?? [],
          ...(schedule ? { scheduleStartMs: prev?.scheduleExpression === schedule && prev.scheduleStartMs !== undefined ? prev.scheduleStartMs : ctx.clock.now() } : {}),
        };
        // PutRule can enable a disabled rule too; an enabled rule keeps when it was last enabled.
        if (prev?.state === 'DISABLED' && r.state !== 'DISABLED') r.enabledSinceMs = ctx.clock.now();
        else if (prev?.enabledSinceMs !== undefined && r.state !== 'DISABLED') r.enabledSinceMs = prev.enabledSinceMs;
        m.putRule(ctx.region, r);
        return { response: { RuleArn: r.arn }, responseElements: { ruleArn: r.arn } };
      },
    },
    {
      def: apiDef('events:ListRules', { readOnly: true, summaryKo: 'EventBridge 규칙 목록을 조회합니다.' }),
      handler: (p, ctx) => {
        const prefix = str(p, 'NamePrefix') ?? '';
        return { response: { Rules: Object.values(m.rules(ctx.region)).filter((r) => r.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1)).map(wire) } };
      },
    },
    {
      def: apiDef('events:DescribeRule', { readOnly: true, resourceTypes: ['AWS::Events::Rule'], summaryKo: 'EventBridge 규칙 하나를 조회합니다.' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Name') ?? '') }),
      handler: (p, ctx) => ({ response: { ...wire(m.rule(ctx.region, need(p, 'Name'))), CreatedBy: acct } }),
    },
    {
      def: apiDef('events:DeleteRule', { readOnly: false, resourceTypes: ['AWS::Events::Rule'], summaryKo: 'EventBridge 규칙을 삭제합니다(대상을 먼저 제거).' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Name') ?? '') }),
      handler: (p, ctx) => {
        const name = need(p, 'Name');
        const r = m.rules(ctx.region)[name];
        // Deleting a rule that does not exist succeeds; a rule with targets cannot be deleted.
        if (r && r.targets.length) throw new AwsError('ValidationException', "Rule can't be deleted since it has targets.");
        m.deleteRule(ctx.region, name);
        return { response: {} };
      },
    },
    setState('events:EnableRule', 'ENABLED', '규칙을 활성화합니다.'),
    setState('events:DisableRule', 'DISABLED', '규칙을 비활성화합니다.'),
    {
      def: apiDef('events:PutTargets', { readOnly: false, resourceTypes: ['AWS::Events::Rule'], summaryKo: '규칙에 대상(SNS 주제, Lambda 함수 등)과 입력 변환을 붙입니다.' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Rule') ?? '') }),
      handler: (p, ctx) => {
        const r = m.rule(ctx.region, need(p, 'Rule'));
        const targets = Array.isArray(p['Targets']) ? (p['Targets'] as Json[]).filter(isObject) : [];
        if (!targets.length) throw new AwsError('ValidationException', "1 validation error detected: Value '[]' at 'targets' failed to satisfy constraint: Member must have length greater than or equal to 1");
        targets.forEach((t, i) => checkTarget(t, i + 1));
        const byId = new Map(r.targets.map((t) => [String(t['Id']), t]));
        for (const t of targets) byId.set(String(t['Id']), t);
        if (byId.size > MAX_TARGETS) throw new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.');
        r.targets = [...byId.values()];
        return { response: { FailedEntryCount: 0, FailedEntries: [] }, responseElements: { failedEntryCount: 0, failedEntries: [] } };
      },
    },
    {
      def: apiDef('events:ListTargetsByRule', { readOnly: true, resourceTypes: ['AWS::Events::Rule'], summaryKo: '규칙의 대상 목록을 조회합니다.' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Rule') ?? '') }),
      handler: (p, ctx) => ({ response: { Targets: m.rule(ctx.region, need(p, 'Rule')).targets } }),
    },
    {
      def: apiDef('events:RemoveTargets', { readOnly: false, resourceTypes: ['AWS::Events::Rule'], summaryKo: '규칙에서 대상을 제거합니다.' }),
      authz: (p, ctx) => ({ resource: ruleArn(ctx.region, str(p, 'Rule') ?? '') }),
      handler: (p, ctx) => {
        const r = m.rule(ctx.region, need(p, 'Rule'));
        const ids = Array.isArray(p['Ids']) ? p['Ids'].filter((x): x is string => typeof x === 'string') : [];
        r.targets = r.targets.filter((t) => !ids.includes(String(t['Id'])));
        return { response: { FailedEntryCount: 0, FailedEntries: [] }, responseElements: { failedEntryCount: 0, failedEntries: [] } };
      },
    },
  ];
}
