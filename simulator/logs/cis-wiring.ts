// The CIS monitoring presets as simulator actions: sim:ListCisPresets shows them, sim:ApplyCisPreset sets one
// up through the real API calls (logs:PutMetricFilter, then cloudwatch:PutMetricAlarm notifying a topic) as the
// acting identity, so each step is authorised and recorded exactly as if the learner had made it.
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
import { AwsError, type ActionDef, type JsonObject, type Principal } from '../core/contract';
import type { CallContext, CallResult } from '../core/call';
import { str, type ActionSpec } from '../core/service';
import { CIS_PRESETS, findCisPreset, type CisPreset } from './cis-presets';
import type { LogsModel } from './model';

/** Calls the account's one call surface (the account passes its own `call`). */
export type AccountCall = (api: string, params: JsonObject, ctx: CallContext) => CallResult;

function simDef(name: string, readOnly: boolean, summaryKo: string): ActionDef {
  return {
    api: `sim:${name}`, eventSource: 'sim', eventName: name, readOnly, category: 'Management', apiCall: false,
    eventType: 'AwsApiCall', resourceTypes: [], globalService: false, summaryKo, recordedByCloudTrail: false,
  };
}

/** The script `as` that resolves back to this principal, so the inner calls act as the same identity. */
export function actingAs(p: Principal): string {
  switch (p.kind) {
    case 'root':
      return 'root';
    case 'user':
      return p.userName;
    case 'role':
      return `role:${p.identity.sessionContext?.sessionIssuer?.userName ?? ''}`;
    case 'service':
      return `service:${p.arn}`;
  }
}

function describe(p: CisPreset): JsonObject {
  return {
    PresetId: p.id, Cis: [...p.cis], TitleKo: p.titleKo, ExplanationKo: p.explanationKo, FilterName: p.filterName,
    FilterPattern: p.filterPattern, MetricNamespace: p.metricNamespace, MetricName: p.metricName, MetricValue: p.metricValue,
    Alarm: {
      AlarmName: p.alarm.alarmName, Statistic: p.alarm.statistic, Period: p.alarm.period, EvaluationPeriods: p.alarm.evaluationPeriods,
      Threshold: p.alarm.threshold, ComparisonOperator: p.alarm.comparisonOperator,
    },
    SourceUrl: p.sourceUrl,
  };
}

/** The alarm the preset's remediation asks for, on the filter's metric, notifying the topic when given. */
export function presetAlarmParams(p: CisPreset, topicArn: string | undefined): JsonObject {
  return {
    AlarmName: p.alarm.alarmName,
    AlarmDescription: `${p.id} (${p.cis.join(', ')}): ${p.titleKo}`,
    Namespace: p.metricNamespace,
    MetricName: p.metricName,
    Statistic: p.alarm.statistic,
    Period: p.alarm.period,
    EvaluationPeriods: p.alarm.evaluationPeriods,
    Threshold: p.alarm.threshold,
    ComparisonOperator: p.alarm.comparisonOperator,
    ...(topicArn ? { AlarmActions: [topicArn] } : {}),
  };
}

export function cisActions(call: AccountCall, model: LogsModel): ActionSpec[] {
  return [
    {
      def: simDef('ListCisPresets', true, 'CIS AWS Foundations 모니터링 프리셋(필터·지표·경보) 목록을 봅니다(시뮬레이터 전용).'),
      authz: null,
      // With LogGroupName, each preset also says whether that group holds its filter exactly as prescribed
      // (Security Hub fails a control whose pattern differs).
      handler: (p, ctx) => {
        const name = str(p, 'LogGroupName');
        const group = name === undefined ? undefined : model.groups(ctx.region)[name];
        if (name !== undefined && !group) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
        const applied = (x: CisPreset) => {
          const f = group?.metricFilters[x.filterName];
          const t = f?.metricTransformations[0];
          return f?.filterPattern === x.filterPattern && t?.metricName === x.metricName && t.metricNamespace === x.metricNamespace;
        };
        return { response: { Presets: CIS_PRESETS.map((x) => ({ ...describe(x), ...(group ? { Applied: applied(x) } : {}) })) } };
      },
    },
    {
      def: simDef('ApplyCisPreset', false, 'CIS 프리셋 하나를 실제 API 호출(PutMetricFilter, PutMetricAlarm)로 설정합니다(시뮬레이터 전용).'),
      // The inner calls are authorised one by one, as the learner.
      authz: null,
      handler: (p, ctx) => {
        const id = str(p, 'PresetId');
        const preset = id === undefined ? undefined : findCisPreset(id);
        if (!preset) throw new AwsError('Sim.InvalidParameter', `sim:ApplyCisPreset: PresetId must be one of ${CIS_PRESETS.map((x) => x.id).join(', ')}`);
        const logGroupName = str(p, 'LogGroupName');
        if (!logGroupName) throw new AwsError('Sim.InvalidParameter', 'sim:ApplyCisPreset needs LogGroupName (the log group the trail delivers to)');
        const topicArn = str(p, 'TopicArn');
        const cc: CallContext = { as: actingAs(ctx.principal), region: ctx.region, via: ctx.channel };
        const steps: JsonObject[] = [];
        const run = (api: string, params: JsonObject) => {
          const r = call(api, params, cc);
          steps.push({ Api: api, Ok: r.ok, EventIds: r.records.map((x) => x.eventID), ...(r.ok ? {} : { ErrorCode: r.error.code }) });
          // A refused step ends the set-up with that step's own error; earlier steps stay done, as in AWS.
          if (!r.ok) throw new AwsError(r.error.code, `${api}: ${r.error.message}`);
        };
        run('logs:PutMetricFilter', {
          logGroupName, filterName: preset.filterName, filterPattern: preset.filterPattern,
          metricTransformations: [{ metricName: preset.metricName, metricNamespace: preset.metricNamespace, metricValue: preset.metricValue }],
        });
        run('cloudwatch:PutMetricAlarm', presetAlarmParams(preset, topicArn));
        return {
          response: {
            PresetId: preset.id, LogGroupName: logGroupName, FilterName: preset.filterName, MetricNamespace: preset.metricNamespace,
            MetricName: preset.metricName, AlarmName: preset.alarm.alarmName, ...(topicArn ? { TopicArn: topicArn } : {}), Steps: steps,
          },
        };
      },
    },
  ];
}
