import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { alarmMachine, type AlarmEvent } from '../../../simulator/cloudwatch/alarm-machine';
import { evaluateMetricAlarm } from '../../../simulator/cloudwatch/alarm-evaluate';
import type { MetricAlarmConfig } from '../../../simulator/cloudwatch/alarm-types';
import { MetricStore } from '../../../simulator/cloudwatch/metric-store';
import { MINUTE } from '../../../simulator/cloudwatch/metric-types';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const TOPIC_ALARM = 'arn:aws:sns:us-east-1:123456789012:alarm-topic';
const TOPIC_OK = 'arn:aws:sns:us-east-1:123456789012:ok-topic';

const config: MetricAlarmConfig = {
  AlarmName: 'HighErrors', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighErrors',
  Namespace: 'Trailwatch/App', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1,
  DatapointsToAlarm: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
  AlarmActions: [TOPIC_ALARM], OKActions: [TOPIC_OK],
};

/** A simulated minute clock driving one alarm over one metric store. */
function rig(cfg: MetricAlarmConfig = config) {
  const store = new MetricStore();
  const actor = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: cfg, now: T0 } }).start();
  let now = T0;
  return {
    store, actor,
    publish(value: number) { store.put(cfg.Namespace, { MetricName: cfg.MetricName, Value: value, Timestamp: now }, now); },
    tick(minutes = 1) {
      now += minutes * MINUTE;
      const r = evaluateMetricAlarm(actor.getSnapshot().context.config as MetricAlarmConfig, store, now);
      actor.send({ type: 'alarm.evaluate', now, state: r.state, reason: r.reason?.reason, reasonData: r.reason?.reasonData });
      return actor.getSnapshot();
    },
    send(e: AlarmEvent) { actor.send(e); return actor.getSnapshot(); },
    get now() { return now; },
  };
}

describe('alarm machine', () => {
  it('starts in INSUFFICIENT_DATA with a creation history item', () => {
    const { actor } = rig();
    const s = actor.getSnapshot();
    expect(s.value).toBe('INSUFFICIENT_DATA');
    expect(s.context.stateReason).toBe('Unchecked: Initial alarm creation');
    expect(s.context.history).toHaveLength(1);
    expect(s.context.history[0]).toMatchObject({ HistoryItemType: 'ConfigurationUpdate', HistorySummary: 'Alarm "HighErrors" created', AlarmType: 'MetricAlarm' });
    expect(JSON.parse(s.context.history[0]!.HistoryData)).toMatchObject({ version: '1.0', type: 'Create', createdAlarm: { alarmName: 'HighErrors', stateValue: 'INSUFFICIENT_DATA', okactions: [TOPIC_OK] } });
    expect(s.context.history[0]!.HistoryData).toContain('"threshold":1.0,');
  });

  it('fires actions on transitions only, never again while the state holds', () => {
    const r = rig();
    let s = r.tick();
    expect(s.value).toBe('OK');
    expect(s.context.outbox.map((a) => a.arn)).toEqual([TOPIC_OK]);
    r.publish(5);
    s = r.tick();
    expect(s.value).toBe('ALARM');
    expect(s.context.outbox).toEqual([expect.objectContaining({ arn: TOPIC_ALARM, newState: 'ALARM', oldState: 'OK' })]);
    expect(s.context.stateReason).toBe('Threshold Crossed: 1 out of the last 1 datapoints [5.0 (26/11/26 10:01:00)] was greater than or equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).');
    r.publish(7);
    s = r.tick();
    expect(s.value).toBe('ALARM');
    expect(s.context.outbox).toEqual([]);
    expect(s.context.history.filter((h) => h.HistoryItemType === 'StateUpdate')).toHaveLength(2);
    const last = s.context.history.at(-1)!;
    expect(last.HistorySummary).toBe('Alarm updated from OK to ALARM');
    const data = JSON.parse(last.HistoryData);
    expect(data).toMatchObject({ version: '1.0', oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM', stateReasonData: { version: '1.0', threshold: 1 } } });
  });

  it('changes state but runs nothing while actions are disabled', () => {
    const r = rig();
    r.publish(5);
    r.tick();
    let s = r.send({ type: 'alarm.disableActions', now: r.now });
    expect(s.context.config.ActionsEnabled).toBe(false);
    // The breaching point keeps deciding while it stays inside the 5-period evaluation range.
    expect(r.tick(3).value).toBe('ALARM');
    s = r.tick(2);
    expect(s.value).toBe('OK');
    expect(s.context.outbox).toEqual([]);
    expect(s.context.history.at(-1)!.HistorySummary).toBe('Alarm updated from ALARM to OK');
    r.send({ type: 'alarm.enableActions', now: r.now });
    r.publish(9);
    expect(r.tick().context.outbox.map((a) => a.arn)).toEqual([TOPIC_ALARM]);
  });

  it('leaves in the outbox of a transition its own actions only, none of the transition before', () => {
    const { OKActions: _none, ...withoutOk } = config;
    const r = rig(withoutOk);
    let s = r.send({ type: 'alarm.setState', now: r.now + 1000, state: 'ALARM', reason: 'first' });
    expect(s.context.outbox.map((a) => a.arn)).toEqual([TOPIC_ALARM]);
    // Straight into OK, which has no actions: the ALARM action must not be asked for again.
    s = r.send({ type: 'alarm.setState', now: r.now + 2000, state: 'OK', reason: 'second' });
    expect(s.value).toBe('OK');
    expect(s.context.outbox).toEqual([]);
    s = r.send({ type: 'alarm.evaluate', now: r.now + 3000, state: 'ALARM', reason: 'third' });
    expect(s.context.outbox).toEqual([expect.objectContaining({ arn: TOPIC_ALARM, oldState: 'OK', reason: 'third' })]);
  });

  it('SetAlarmState moves the state and fires its actions until the next evaluation', () => {
    const r = rig();
    r.tick();
    let s = r.send({ type: 'alarm.setState', now: r.now + 1000, state: 'ALARM', reason: 'testing' });
    expect(s.value).toBe('ALARM');
    expect(s.context.outbox.map((a) => a.arn)).toEqual([TOPIC_ALARM]);
    expect(JSON.parse(s.context.history.at(-1)!.HistoryData).newState).toEqual({ stateValue: 'ALARM', stateReason: 'testing' });
    s = r.tick();
    expect(s.value).toBe('OK');
    expect(s.context.outbox.map((a) => a.arn)).toEqual([TOPIC_OK]);
  });

  it('does not fire when SetAlarmState names the current state', () => {
    const r = rig();
    r.tick();
    const before = r.actor.getSnapshot().context.history.length;
    const s = r.send({ type: 'alarm.setState', now: r.now, state: 'OK', reason: 'same' });
    expect(s.context.outbox).toEqual([]);
    expect(s.context.history).toHaveLength(before);
    expect(s.context.stateReason).toBe('same');
  });

  it('keeps its state on update and records a configuration update', () => {
    const r = rig();
    r.publish(5);
    r.tick();
    const s = r.send({ type: 'alarm.update', now: r.now, config: { ...config, Threshold: 100 } });
    expect(s.value).toBe('ALARM');
    expect(s.context.outbox).toEqual([]);
    const item = s.context.history.at(-1)!;
    expect(item.HistorySummary).toBe('Alarm "HighErrors" updated');
    expect(JSON.parse(item.HistoryData)).toMatchObject({ type: 'Update', originalAlarm: { threshold: 1 }, updatedAlarm: { threshold: 100 } });
    expect(r.tick().value).toBe('OK');
  });

  it('empties the outbox on every other event, each in one assign, keeping the context keys in their order', () => {
    const events: Array<(now: number) => AlarmEvent> = [
      (now) => ({ type: 'alarm.disableActions', now }),
      (now) => ({ type: 'alarm.enableActions', now }),
      (now) => ({ type: 'alarm.update', now, config: { ...config, Threshold: 2 } }),
      (now) => ({ type: 'alarm.setState', now, state: 'OK', reason: 'same' }),
      (now) => ({ type: 'alarm.evaluate', now, state: 'OK' }),
      (now) => ({ type: 'alarm.evaluate', now, state: undefined }),
    ];
    for (const make of events) {
      const r = rig();
      expect(r.tick().context.outbox.map((a) => a.arn)).toEqual([TOPIC_OK]);
      const before = r.actor.getSnapshot().context;
      const s = r.send(make(r.now + 1));
      expect(s.value).toBe('OK');
      expect(s.context.outbox).toEqual([]);
      // The snapshot writes the context as it stands: its keys keep the order the creation and the change left.
      expect(Object.keys(s.context)).toEqual(Object.keys(before));
      expect(s.context.config.ActionsEnabled).toBe(make(0).type === 'alarm.disableActions' ? false : make(0).type === 'alarm.enableActions' ? true : undefined);
    }
    // A context that never had reason data gains the key after the others, as before.
    const fresh = rig();
    const s = fresh.send({ type: 'alarm.setState', now: T0 + 1, state: 'INSUFFICIENT_DATA', reason: 'again' });
    expect(Object.keys(s.context)).toEqual([
      'alarmType', 'config', 'stateValue', 'stateReason', 'stateUpdatedTimestamp', 'stateTransitionedTimestamp', 'configUpdatedTimestamp', 'outbox', 'history', 'stateReasonData',
    ]);
    expect(s.context.stateReason).toBe('again');
    expect(s.context.stateUpdatedTimestamp).toBe(T0 + 1);
  });

  it('records executed actions in history', () => {
    const r = rig();
    expect(r.tick().context.outbox.map((a) => a.arn)).toEqual([TOPIC_OK]);
    const s = r.send({ type: 'alarm.actionExecuted', now: r.now, arn: TOPIC_OK, succeeded: true });
    expect(s.context.history.at(-1)).toMatchObject({ HistoryItemType: 'Action', HistorySummary: `Successfully executed action ${TOPIC_OK}` });
    // The action ran: recording it asks for nothing more (the engine queues whatever is left in the outbox).
    expect(s.context.outbox).toEqual([]);
  });

  it('stays put under ignore when every point is missing', () => {
    const r = rig({ ...config, TreatMissingData: 'ignore' });
    r.publish(5);
    expect(r.tick().value).toBe('ALARM');
    expect(r.tick(10).value).toBe('ALARM');
    expect(r.actor.getSnapshot().context.outbox).toEqual([]);
  });
});
