import type { CloudTrailRecord, Json } from './contract';

/** Every consequence the simulation reports, so views and scenario checks listen instead of diffing state. */
export type SimEvent =
  | { type: 'call.completed'; api: string; ok: boolean; errorCode?: string; atMs: number }
  | { type: 'record.written'; record: CloudTrailRecord; routing: Json }
  | { type: 'clock.advanced'; fromMs: number; toMs: number }
  /** A log event matched a metric filter and published `value` (atMs: when it was ingested). */
  | { type: 'metricFilter.matched'; region: string; logGroupName: string; filterName: string; metricNamespace: string; metricName: string; value: number; atMs: number }
  /** A CloudWatch alarm (metric or composite) moved from one state to another. */
  | { type: 'alarm.stateChanged'; region: string; alarmName: string; alarmArn: string; from: string; to: string; atMs: number; reason: string }
  /** A datum reached a CloudWatch metric store (timestampMs: the datum's time; atMs: when it was stored). */
  | { type: 'metric.datapoint'; region: string; namespace: string; metricName: string; dimensions: { Name: string; Value: string }[]; timestampMs: number; atMs: number }
  /** An event on a Region's default EventBridge bus matched a rule (eventId: the EventBridge event's id). */
  | { type: 'rule.matched'; ruleArn: string; ruleName: string; region: string; eventId: string; source: string; detailType: string; atMs: number }
  /** EventBridge sent a matched event to one target of the rule (ok false: the target refused or failed). */
  | { type: 'target.invoked'; ruleArn: string; targetId: string; targetArn: string; eventId: string; ok: boolean; errorCode?: string; atMs: number }
  /** SNS handed a message to a subscriber (email subscriptions: a new row in the in-app inbox). */
  | {
      type: 'notification.delivered'; topicArn: string; deliveryId: string; protocol: string; endpoint: string; messageId: string; subject: string | null; atMs: number;
      /** Who published: an EventBridge rule, a CloudWatch alarm, or an API caller. */
      origin?: { kind: string; ruleArn?: string; eventId?: string; alarmArn?: string; publisher?: string };
    };

type Listener = (e: SimEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: SimEvent): void {
    for (const l of this.listeners) l(e);
  }
}
