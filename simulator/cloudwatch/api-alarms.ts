// Alarm actions of the CloudWatch API: PutMetricAlarm, PutCompositeAlarm, DescribeAlarms, DescribeAlarmHistory,
// SetAlarmState, DeleteAlarms, EnableAlarmActions, DisableAlarmActions. All are management events.
import { createActor } from 'xstate';
import { AwsError, type Json, type JsonObject } from '../core/contract';
import { apiDef, str, type ActionSpec, type ServiceDeps } from '../core/service';
import { optionalNumber, requiredString, stringList, timestampParam } from './api-params';
import { compositeAlarmConfig, metricAlarmConfig } from './api-alarms-config';
import { describeAlarmHistory, keptHistory } from './alarm-history-query';
import type { AlarmType, HistoryItemType } from './alarm-history';
import { alarmMachine, type AlarmConfig, type AlarmContext } from './alarm-machine';
import type { AlarmEngine } from './alarm-runner-engine';
import { STATE_VALUES, type StateValue } from './alarm-types';
import { childAlarms, findRuleCycle, parseAlarmRule } from './composite-rule';
import { MINUTE } from './metric-types';
import { floorTo } from './metric-store';
import type { CloudWatchModel } from './model';

/** What the alarm API needs beyond the model: the engine, and telling the runner the alarm set changed or an
 *  alarm's next evaluation (slot.nextEvalAt) moved. */
export interface AlarmHost {
  engine: AlarmEngine;
  alarmsChanged(): void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An alarm as DescribeAlarms answers it. */
export function describeAlarm(c: AlarmContext): JsonObject {
  const cfg = c.config;
  const common: JsonObject = {
    AlarmName: cfg.AlarmName, AlarmArn: cfg.AlarmArn,
    ...(cfg.AlarmDescription !== undefined ? { AlarmDescription: cfg.AlarmDescription } : {}),
    AlarmConfigurationUpdatedTimestamp: iso(c.configUpdatedTimestamp),
    ActionsEnabled: cfg.ActionsEnabled ?? true,
    OKActions: cfg.OKActions ?? [], AlarmActions: cfg.AlarmActions ?? [], InsufficientDataActions: cfg.InsufficientDataActions ?? [],
    StateValue: c.stateValue, StateReason: c.stateReason,
    ...(c.stateReasonData !== undefined ? { StateReasonData: c.stateReasonData } : {}),
    StateUpdatedTimestamp: iso(c.stateUpdatedTimestamp),
  };
  if ('AlarmRule' in cfg) return { ...common, AlarmRule: cfg.AlarmRule, StateTransitionedTimestamp: iso(c.stateTransitionedTimestamp) };
  return {
    ...common,
    MetricName: cfg.MetricName, Namespace: cfg.Namespace,
    ...(cfg.Statistic !== undefined ? { Statistic: cfg.Statistic } : {}),
    ...(cfg.ExtendedStatistic !== undefined ? { ExtendedStatistic: cfg.ExtendedStatistic } : {}),
    Dimensions: (cfg.Dimensions ?? []) as unknown as Json,
    Period: cfg.Period, EvaluationPeriods: cfg.EvaluationPeriods,
    ...(cfg.DatapointsToAlarm !== undefined ? { DatapointsToAlarm: cfg.DatapointsToAlarm } : {}),
    ...(cfg.Unit !== undefined ? { Unit: cfg.Unit } : {}),
    Threshold: cfg.Threshold, ComparisonOperator: cfg.ComparisonOperator,
    ...(cfg.TreatMissingData !== undefined ? { TreatMissingData: cfg.TreatMissingData } : {}),
    ...(cfg.EvaluateLowSampleCountPercentile !== undefined ? { EvaluateLowSampleCountPercentile: cfg.EvaluateLowSampleCountPercentile } : {}),
    StateTransitionedTimestamp: iso(c.stateTransitionedTimestamp),
  };
}

function nameList(p: JsonObject, name: string, max = 100): string[] {
  const list = stringList(p, name);
  if (!list || list.length === 0) throw new AwsError('MissingParameter', `The parameter ${name} is required.`);
  if (list.length > max) throw new AwsError('ValidationError', `1 validation error detected: Value at '${name.charAt(0).toLowerCase() + name.slice(1)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  return list;
}

export function alarmActions(m: CloudWatchModel, d: ServiceDeps, host: AlarmHost): ActionSpec[] {
  const acct = d.accountId;
  const alarmArn = (region: string, name: string) => `arn:aws:cloudwatch:${region}:${acct}:alarm:${name}`;
  const resources = (region: string, names: string[]) => names.map((n) => ({ accountId: acct, type: 'AWS::CloudWatch::Alarm', ARN: alarmArn(region, n) }));
  const def = (api: string, readOnly: boolean, summaryKo: string) => apiDef(api, { readOnly, resourceTypes: ['AWS::CloudWatch::Alarm'], summaryKo });
  const now = () => d.clock.now();
  const nextMinute = () => floorTo(now(), MINUTE) + MINUTE;

  /** Creates or (keeping its state) replaces an alarm. */
  const put = (region: string, alarmType: AlarmType, config: AlarmConfig) => {
    const alarms = m.region(region).alarms;
    const existing = alarms.get(config.AlarmName);
    if (existing && existing.actor.getSnapshot().context.alarmType !== alarmType) {
      throw new AwsError('InvalidParameterCombination', `An alarm named ${config.AlarmName} already exists as a ${existing.actor.getSnapshot().context.alarmType === 'MetricAlarm' ? 'metric' : 'composite'} alarm.`);
    }
    let slot = existing;
    if (slot) {
      host.engine.send(region, slot, { type: 'alarm.update', now: now(), config });
    } else {
      // Alarms per Region per account: 10,000 (CloudWatch service quotas, "Alarms").
      if (alarms.size >= 10_000) throw new AwsError('LimitExceeded', 'The maximum number of alarms for this account has been reached.');
      slot = { actor: createActor(alarmMachine, { input: { alarmType, config, now: now() } }).start(), nextEvalAt: Infinity };
      alarms.set(config.AlarmName, slot);
    }
    host.alarmsChanged();
    return { slot, created: !existing };
  };

  return [
    {
      def: def('cloudwatch:PutMetricAlarm', false, '지표 경보를 만들거나 수정합니다.'),
      resources: (p, ctx) => resources(ctx.region, [str(p, 'AlarmName') ?? '']),
      handler: (p, ctx) => {
        const config = metricAlarmConfig(p, ctx.region, acct);
        const { slot } = put(ctx.region, 'MetricAlarm', config);
        // A new alarm is then evaluated; an updated one at the next evaluation.
        slot.nextEvalAt = nextMinute();
        host.alarmsChanged();
        return { response: {} };
      },
    },
    {
      def: def('cloudwatch:PutCompositeAlarm', false, '여러 경보의 상태를 규칙으로 묶는 복합 경보를 만들거나 수정합니다.'),
      resources: (p, ctx) => resources(ctx.region, [str(p, 'AlarmName') ?? '']),
      handler: (p, ctx) => {
        const config = compositeAlarmConfig(p, ctx.region, acct);
        const alarms = m.region(ctx.region).alarms;
        // A rule may not lead back to the alarm itself.
        const childrenOf = (name: string): string[] => {
          const ref = name.startsWith('arn:') ? name.split(':alarm:')[1] ?? name : name;
          if (ref === config.AlarmName) return childAlarms(parseAlarmRule(config.AlarmRule));
          const c = alarms.get(ref)?.actor.getSnapshot().context.config;
          return c && 'AlarmRule' in c ? childAlarms(parseAlarmRule(c.AlarmRule)) : [];
        };
        // "Could not save the composite alarm as alarms [...] in the alarm rule do not exist" (as CloudFormation
        // users have quoted it): every child must exist, in this account and Region.
        const nameOf = (ref: string) => (ref.startsWith('arn:') ? (ref === alarmArn(ctx.region, ref.split(':alarm:')[1] ?? '') ? ref.split(':alarm:')[1] ?? '' : '') : ref);
        const missing = childAlarms(parseAlarmRule(config.AlarmRule)).filter((ref) => !alarms.has(nameOf(ref)) && nameOf(ref) !== config.AlarmName);
        if (missing.length) throw new AwsError('ValidationError', `Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`);
        const cycle = findRuleCycle(config.AlarmName, childrenOf);
        if (cycle) throw new AwsError('ValidationError', `AlarmRule creates a cycle: ${cycle.join(' -> ')}`);
        const { slot, created } = put(ctx.region, 'CompositeAlarm', config);
        host.engine.evaluateComposite(ctx.region, slot, { kind: created ? 'created' : 'updated' }, now());
        return { response: {} };
      },
    },
    {
      def: def('cloudwatch:DescribeAlarms', true, 'CloudWatch 경보 목록과 상태를 조회합니다.'),
      handler: (p, ctx) => {
        const names = stringList(p, 'AlarmNames');
        const prefix = str(p, 'AlarmNamePrefix');
        if (names && prefix !== undefined) throw new AwsError('InvalidParameterCombination', 'AlarmNames and AlarmNamePrefix cannot be specified together.');
        const state = str(p, 'StateValue');
        if (state !== undefined && !STATE_VALUES.includes(state as StateValue)) {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${state}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`);
        }
        // "If you omit this parameter, only metric alarms are returned, even if composite alarms exist."
        const types = (stringList(p, 'AlarmTypes') ?? ['MetricAlarm']) as AlarmType[];
        const actionPrefix = str(p, 'ActionPrefix');
        const matching = [...m.region(ctx.region).alarms.values()]
          .map((a) => a.actor.getSnapshot().context)
          .filter((c) => (!names || names.includes(c.config.AlarmName)) && (prefix === undefined || c.config.AlarmName.startsWith(prefix)))
          .filter((c) => state === undefined || c.stateValue === state)
          .filter((c) => actionPrefix === undefined || [...(c.config.AlarmActions ?? []), ...(c.config.OKActions ?? []), ...(c.config.InsufficientDataActions ?? [])].some((x) => x.startsWith(actionPrefix)))
          .sort((a, b) => (a.config.AlarmName < b.config.AlarmName ? -1 : a.config.AlarmName > b.config.AlarmName ? 1 : 0));
        const max = optionalNumber(p, 'MaxRecords') ?? 50;
        if (!Number.isInteger(max) || max < 1 || max > 100) throw new AwsError('ValidationError', "1 validation error detected: Value at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100");
        const offset = Number(str(p, 'NextToken') ?? '0') || 0;
        const page = matching.slice(offset, offset + max);
        const out: JsonObject = {
          MetricAlarms: types.includes('MetricAlarm') ? page.filter((c) => c.alarmType === 'MetricAlarm').map(describeAlarm) : [],
          CompositeAlarms: types.includes('CompositeAlarm') ? page.filter((c) => c.alarmType === 'CompositeAlarm').map(describeAlarm) : [],
        };
        if (offset + max < matching.length) out['NextToken'] = String(offset + max);
        return { response: out };
      },
    },
    {
      def: def('cloudwatch:DescribeAlarmHistory', true, '경보의 상태 변경·설정 변경·작업 실행 기록을 조회합니다.'),
      handler: (p, ctx) => {
        const type = str(p, 'HistoryItemType');
        if (type !== undefined && !['ConfigurationUpdate', 'StateUpdate', 'Action'].includes(type)) {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${type}' at 'historyItemType' failed to satisfy constraint: Member must satisfy enum value set: [ConfigurationUpdate, StateUpdate, Action]`);
        }
        const max = optionalNumber(p, 'MaxRecords');
        if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 100)) throw new AwsError('ValidationError', "1 validation error detected: Value at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100");
        const scan = str(p, 'ScanBy');
        const start = timestampParam(p['StartDate'], 'StartDate');
        const end = timestampParam(p['EndDate'], 'EndDate');
        const out = describeAlarmHistory(m.history(ctx.region), {
          ...(str(p, 'AlarmName') ? { AlarmName: str(p, 'AlarmName')! } : {}),
          ...(stringList(p, 'AlarmTypes') ? { AlarmTypes: stringList(p, 'AlarmTypes') as AlarmType[] } : {}),
          ...(type ? { HistoryItemType: type as HistoryItemType } : {}),
          ...(start !== undefined ? { StartDate: start } : {}),
          ...(end !== undefined ? { EndDate: end } : {}),
          ...(max !== undefined ? { MaxRecords: max } : {}),
          ...(str(p, 'NextToken') ? { NextToken: str(p, 'NextToken')! } : {}),
          ...(scan === 'TimestampAscending' || scan === 'TimestampDescending' ? { ScanBy: scan } : {}),
        }, now());
        return { response: out as unknown as JsonObject };
      },
    },
    {
      def: def('cloudwatch:SetAlarmState', false, '테스트용으로 경보 상태를 일시적으로 바꿉니다(다음 평가에서 되돌아감).'),
      resources: (p, ctx) => resources(ctx.region, [str(p, 'AlarmName') ?? '']),
      handler: (p, ctx) => {
        const name = requiredString(p, 'AlarmName');
        const state = requiredString(p, 'StateValue');
        if (!STATE_VALUES.includes(state as StateValue)) {
          throw new AwsError('ValidationError', `1 validation error detected: Value '${state}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`);
        }
        const reason = requiredString(p, 'StateReason');
        if (reason.length > 1023) throw new AwsError('ValidationError', "1 validation error detected: Value at 'stateReason' failed to satisfy constraint: Member must have length less than or equal to 1023");
        const reasonData = str(p, 'StateReasonData');
        if (reasonData !== undefined) {
          try {
            JSON.parse(reasonData);
          } catch {
            throw new AwsError('InvalidFormat', 'StateReasonData must be valid JSON.');
          }
        }
        const slot = m.region(ctx.region).alarms.get(name);
        if (!slot) throw new AwsError('ResourceNotFound', `Alarm ${name} not found`);
        host.engine.send(ctx.region, slot, { type: 'alarm.setState', now: now(), state: state as StateValue, reason, ...(reasonData !== undefined ? { reasonData } : {}) });
        // A metric alarm "returns to its actual state" at its next evaluation; a composite when a child changes.
        if (slot.actor.getSnapshot().context.alarmType === 'MetricAlarm') slot.nextEvalAt = nextMinute();
        host.alarmsChanged();
        return { response: {} };
      },
    },
    {
      def: def('cloudwatch:DeleteAlarms', false, '경보를 삭제합니다(기록은 남습니다).'),
      resources: (p, ctx) => resources(ctx.region, stringList(p, 'AlarmNames') ?? []),
      handler: (p, ctx) => {
        const names = nameList(p, 'AlarmNames');
        const alarms = m.region(ctx.region).alarms;
        // "In the event of an error, no alarms are deleted."
        const missing = names.filter((n) => !alarms.has(n));
        if (missing.length) throw new AwsError('ResourceNotFound', `${missing.length} alarm(s) not found: ${missing.join(', ')}`);
        const reg = m.region(ctx.region);
        for (const n of names) {
          const slot = alarms.get(n)!;
          reg.deletedHistory.push(...keptHistory(slot.actor.getSnapshot().context.history));
          slot.actor.stop();
          alarms.delete(n);
        }
        host.alarmsChanged();
        return { response: {} };
      },
    },
    ...(['EnableAlarmActions', 'DisableAlarmActions'] as const).map((op): ActionSpec => ({
      def: def(`cloudwatch:${op}`, false, op === 'EnableAlarmActions' ? '경보 작업(알림·EC2 작업)을 켭니다.' : '경보 작업(알림·EC2 작업)을 끕니다.'),
      resources: (p, ctx) => resources(ctx.region, stringList(p, 'AlarmNames') ?? []),
      handler: (p, ctx) => {
        const names = nameList(p, 'AlarmNames');
        const alarms = m.region(ctx.region).alarms;
        // Names that match no alarm are ignored.
        for (const n of names) {
          const slot = alarms.get(n);
          if (slot) host.engine.send(ctx.region, slot, { type: op === 'EnableAlarmActions' ? 'alarm.enableActions' : 'alarm.disableActions', now: now() });
        }
        return { response: {} };
      },
    })),
  ];
}
