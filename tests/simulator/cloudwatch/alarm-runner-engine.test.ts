import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { alarmMachine, type AlarmEvent } from '../../../simulator/cloudwatch/alarm-machine';
import { AlarmEngine } from '../../../simulator/cloudwatch/alarm-runner-engine';
import type { MetricAlarmConfig, StateValue } from '../../../simulator/cloudwatch/alarm-types';
import { CloudWatchModel } from '../../../simulator/cloudwatch/model';
import type { SimEvent } from '../../../simulator/core/events';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const config: MetricAlarmConfig = {
  AlarmName: 'a', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:a', Namespace: 'N', MetricName: 'M',
  Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold',
  AlarmActions: ['arn:aws:sns:us-east-1:123456789012:t'], OKActions: ['arn:aws:sns:us-east-1:123456789012:o'],
};

const state = fc.constantFrom<StateValue | undefined>('OK', 'ALARM', 'INSUFFICIENT_DATA', undefined);
const step = fc.oneof(
  fc.record({ kind: fc.constant('evaluate' as const), state, reason: fc.constantFrom('r1', 'r2'), data: fc.constantFrom('{"a":1}', '{}') }),
  fc.record({ kind: fc.constant('setState' as const), state: fc.constantFrom<StateValue>('OK', 'ALARM', 'INSUFFICIENT_DATA'), reason: fc.constantFrom('s1', 's2') }),
);

describe('alarm engine', () => {
  it('an evaluation that keeps the state leaves the alarm as sending it to the machine would', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const model = new CloudWatchModel('us-east-1', T0);
      const emitted: SimEvent[] = [];
      const engine = new AlarmEngine(model, (e) => emitted.push(e));
      const slot = { actor: createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config, now: T0 } }).start(), nextEvalAt: Infinity };
      model.region('us-east-1').alarms.set('a', slot);
      const direct = createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config, now: T0 } }).start();
      const asked: string[] = [];
      const changes: string[] = [];
      steps.forEach((s, i) => {
        const now = T0 + (i + 1) * 60_000;
        const event: AlarmEvent = s.kind === 'evaluate'
          ? { type: 'alarm.evaluate', now, state: s.state, reason: s.reason, reasonData: s.data }
          : { type: 'alarm.setState', now, state: s.state, reason: s.reason };
        const before = direct.getSnapshot().value;
        direct.send(event);
        const after = direct.getSnapshot();
        for (const r of after.context.outbox) asked.push(`${r.arn}:${r.newState}@${r.timestamp}`);
        if (after.value !== before) changes.push(`${before}->${after.value}@${now}`);
        engine.send('us-east-1', slot, event);
      });
      const got = slot.actor.getSnapshot();
      const want = direct.getSnapshot();
      expect(got.value).toBe(want.value);
      expect({ ...got.context, outbox: [] }).toEqual({ ...want.context, outbox: [] });
      expect(model.pending.map(({ request: r }) => `${r.arn}:${r.newState}@${r.timestamp}`)).toEqual(asked);
      expect(emitted.map((e) => (e.type === 'alarm.stateChanged' ? `${e.from}->${e.to}@${e.atMs}` : e.type))).toEqual(changes);
    }), { numRuns: 200 });
  });

  it('skips the machine only for evaluations: a SetAlarmState to the current state still rewords it', () => {
    const model = new CloudWatchModel('us-east-1', T0);
    const engine = new AlarmEngine(model, () => {});
    const slot = { actor: createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config, now: T0 } }).start(), nextEvalAt: Infinity };
    engine.send('us-east-1', slot, { type: 'alarm.evaluate', now: T0 + 1, state: 'INSUFFICIENT_DATA', reason: 'ignored' });
    expect(slot.actor.getSnapshot().context.stateReason).toBe('Unchecked: Initial alarm creation');
    engine.send('us-east-1', slot, { type: 'alarm.setState', now: T0 + 2, state: 'INSUFFICIENT_DATA', reason: 'by hand' });
    expect(slot.actor.getSnapshot().context).toMatchObject({ stateReason: 'by hand', stateUpdatedTimestamp: T0 + 2, stateTransitionedTimestamp: T0 });
  });

  it('re-evaluates the composites over a child that changes, as the set of alarms changes', () => {
    const model = new CloudWatchModel('us-east-1', T0);
    const emitted: SimEvent[] = [];
    const engine = new AlarmEngine(model, (e) => emitted.push(e));
    const alarms = model.region('us-east-1').alarms;
    const metric = (name: string) => ({ actor: createActor(alarmMachine, { input: { alarmType: 'MetricAlarm', config: { ...config, AlarmName: name, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}` }, now: T0 } }).start(), nextEvalAt: Infinity });
    const composite = (name: string, rule: string) => ({
      actor: createActor(alarmMachine, { input: { alarmType: 'CompositeAlarm', config: { AlarmName: name, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`, AlarmRule: rule }, now: T0 } }).start(),
      nextEvalAt: Infinity,
    });
    const a = metric('a');
    alarms.set('a', a);
    let now = T0;
    const flip = (state: StateValue) => engine.send('us-east-1', a, { type: 'alarm.evaluate', now: (now += 60_000), state, reason: 'r' });
    const changes = () => emitted.flatMap((e) => (e.type === 'alarm.stateChanged' ? [`${e.alarmName}:${e.to}`] : []));
    flip('ALARM');
    expect(changes()).toEqual(['a:ALARM']);
    // A composite added to the model (its count of alarms changed) is found at the next change.
    alarms.set('both', composite('both', 'ALARM(a)'));
    flip('OK');
    flip('ALARM');
    expect(changes()).toEqual(['a:ALARM', 'a:OK', 'both:OK', 'a:ALARM', 'both:ALARM']);
    // Deleted and replaced by another alarm (the same count): the API says the set changed.
    alarms.delete('both');
    alarms.set('b', metric('b'));
    engine.alarmsChanged();
    flip('OK');
    expect(changes().slice(5)).toEqual(['a:OK']);
    // A model restored from a snapshot holds new maps of alarms.
    model.restore(model.snapshot());
    const restored = model.region('us-east-1').alarms;
    restored.set('again', composite('again', 'OK(a)'));
    restored.delete('b');
    engine.send('us-east-1', restored.get('a')!, { type: 'alarm.evaluate', now: (now += 60_000), state: 'ALARM', reason: 'r' });
    engine.send('us-east-1', restored.get('a')!, { type: 'alarm.evaluate', now: (now += 60_000), state: 'OK', reason: 'r' });
    expect(changes().slice(6)).toEqual(['a:ALARM', 'again:OK', 'a:OK', 'again:ALARM']);
  });
});
