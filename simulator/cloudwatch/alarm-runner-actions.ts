// Carrying out an alarm's actions through the account's call surface, as CloudWatch does on its own:
// - SNS topic: CloudWatch publishes the alarm's JSON notification (sns:Publish by the service principal
//   cloudwatch.amazonaws.com, which the default topic policy allows for the owner account).
// - arn:aws:automate:REGION:ec2:stop|terminate|reboot: CloudWatch has EC2 act on the instance named by the
//   alarm's InstanceId dimension ("Using service-linked roles for CloudWatch": the AWSServiceRoleForCloudWatchEvents
//   role, trusted by the CloudWatch Events service, performs the EC2 alarm actions).
import type { JsonObject } from '../core/contract';
import type { CallContext, CallResult } from '../core/call';
import type { SnsModel } from '../sns/model';
import { cloudWatchIso, type JavaJson } from './alarm-format';
import type { AlarmActionRequest, AlarmContext } from './alarm-machine';
import type { MetricAlarmConfig } from './alarm-types';

export type CallSurface = (api: string, params: JsonObject, ctx: CallContext) => CallResult;

export interface ActionOutcome {
  succeeded: boolean;
  detail?: Record<string, JavaJson>;
}

/** Region names as alarm notifications write them ("ALARM: \"x\" in US East (N. Virginia)"). */
const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'eu-west-1': 'EU (Ireland)',
  'eu-central-1': 'EU (Frankfurt)',
};
export const regionDisplayName = (r: string) => REGION_NAMES[r] ?? r;

export const EC2_ACTION = /^arn:aws:automate:([a-z0-9-]+):ec2:(stop|terminate|reboot|recover)$/;
const SNS_TOPIC = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]+)$/;

/** The notification CloudWatch publishes to a topic: its subject and its JSON message. */
export function alarmNotification(region: string, accountId: string, ctx: AlarmContext, req: AlarmActionRequest): { subject: string; message: string } {
  const c = ctx.config;
  const where = regionDisplayName(region);
  const p = notificationParts(c, region, accountId);
  // The message's keys in the order CloudWatch writes them; the parts that follow the configuration are kept.
  const message = `${p.head},"AlarmConfigurationUpdatedTimestamp":${JSON.stringify(cloudWatchIso(ctx.configUpdatedTimestamp))}` +
    `,"NewStateValue":${JSON.stringify(req.newState)},"NewStateReason":${JSON.stringify(req.reason)}` +
    `,"StateChangeTime":${JSON.stringify(cloudWatchIso(req.timestamp))}${p.middle},"OldStateValue":${JSON.stringify(req.oldState)},${p.tail}`;
  return { subject: `${req.newState}: "${c.AlarmName}" in ${where}`, message };
}

/** A notification's text around its per-change fields: JSON.stringify of the leading and trailing parts of the
 *  body, each written once per configuration (a configuration is never changed in place) and Region. */
interface NotificationParts {
  region: string;
  accountId: string;
  /** `{"AlarmName":…,"AlarmDescription":…,"AWSAccountId":…` */
  head: string;
  /** `,"Region":…,"AlarmArn":…` */
  middle: string;
  /** `"OKActions":…,…,"Trigger":{…}}` (or `"AlarmRule":…}`) */
  tail: string;
}

const partsByConfig = new WeakMap<AlarmContext['config'], NotificationParts>();

function notificationParts(c: AlarmContext['config'], region: string, accountId: string): NotificationParts {
  const known = partsByConfig.get(c);
  if (known && known.region === region && known.accountId === accountId) return known;
  const head = JSON.stringify({ AlarmName: c.AlarmName, AlarmDescription: c.AlarmDescription ?? null, AWSAccountId: accountId }).slice(0, -1);
  const middle = `,${JSON.stringify({ Region: regionDisplayName(region), AlarmArn: c.AlarmArn }).slice(1, -1)}`;
  const rest: Record<string, unknown> = {
    OKActions: c.OKActions ?? [],
    AlarmActions: c.AlarmActions ?? [],
    InsufficientDataActions: c.InsufficientDataActions ?? [],
  };
  if ('AlarmRule' in c) {
    rest['AlarmRule'] = c.AlarmRule;
  } else {
    const m = c;
    rest['Trigger'] = {
      MetricName: m.MetricName,
      Namespace: m.Namespace,
      StatisticType: m.ExtendedStatistic !== undefined ? 'ExtendedStatistic' : 'Statistic',
      // Notifications spell the statistic in capitals ("SUM").
      Statistic: m.ExtendedStatistic ?? (m.Statistic ?? '').toUpperCase(),
      Unit: m.Unit ?? null,
      Dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })),
      Period: m.Period,
      EvaluationPeriods: m.EvaluationPeriods,
      ...(m.DatapointsToAlarm !== undefined ? { DatapointsToAlarm: m.DatapointsToAlarm } : {}),
      ComparisonOperator: m.ComparisonOperator,
      Threshold: m.Threshold,
      TreatMissingData: m.TreatMissingData ?? '',
      EvaluateLowSampleCountPercentile: m.EvaluateLowSampleCountPercentile ?? '',
    };
  }
  const parts = { region, accountId, head, middle, tail: JSON.stringify(rest).slice(1) };
  partsByConfig.set(c, parts);
  return parts;
}

export class AlarmActionDispatcher {
  constructor(
    private readonly accountId: string,
    private readonly call: CallSurface,
    private readonly sns: SnsModel,
  ) {}

  run(region: string, ctx: AlarmContext, req: AlarmActionRequest): ActionOutcome {
    const topic = SNS_TOPIC.exec(req.arn);
    if (topic) return this.publish(topic[1]!, region, ctx, req);
    const ec2 = EC2_ACTION.exec(req.arn);
    if (ec2) return this.ec2(ec2[1]!, ec2[2]!, ctx.config as MetricAlarmConfig);
    // Lambda, Systems Manager, Auto Scaling targets are not simulated: CloudWatch "does not validate" targets,
    // and the action is reported as failed in the alarm history.
    return { succeeded: false, detail: { error: 'Action target is not available in this simulation' } };
  }

  private publish(topicRegion: string, region: string, ctx: AlarmContext, req: AlarmActionRequest): ActionOutcome {
    const { subject, message } = alarmNotification(region, this.accountId, ctx, req);
    const r = this.sns.asService({ kind: 'alarm', alarmArn: ctx.config.AlarmArn }, () =>
      this.call('sns:Publish', { TopicArn: req.arn, Subject: subject, Message: message }, { as: 'service:cloudwatch.amazonaws.com', via: 'service', region: topicRegion }));
    // HistoryData of an SNS action carries the message as published: {"default": <the JSON message>}, as text.
    if (r.ok) return { succeeded: true, detail: { publishedMessage: JSON.stringify({ default: message }) } };
    return { succeeded: false, detail: { error: `${r.error.code}: ${r.error.message}` } };
  }

  private ec2(actionRegion: string, verb: string, config: MetricAlarmConfig): ActionOutcome {
    const instanceId = (config.Dimensions ?? []).find((d) => d.Name === 'InstanceId')?.Value;
    if (!instanceId) return { succeeded: false, detail: { error: 'The alarm has no InstanceId dimension' } };
    const api = verb === 'stop' ? 'ec2:StopInstances' : verb === 'terminate' ? 'ec2:TerminateInstances' : verb === 'reboot' ? 'ec2:RebootInstances' : undefined;
    if (!api) return { succeeded: false, detail: { error: 'EC2 recover is not available in this simulation' } };
    // The CloudWatch Events service performs EC2 alarm actions (see the file comment).
    const r = this.call(api, { InstanceIds: [instanceId] }, { as: 'service:events.amazonaws.com', via: 'service', region: actionRegion });
    return r.ok ? { succeeded: true } : { succeeded: false, detail: { error: `${r.error.code}: ${r.error.message}` } };
  }
}
