import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { int, raw, writeJavaJson, type JavaJson } from '../../../simulator/cloudwatch/alarm-format';
import { actionItem, stateUpdateItem, type AlarmStateSnapshot } from '../../../simulator/cloudwatch/alarm-history';
import type { MetricAlarmConfig, StateValue } from '../../../simulator/cloudwatch/alarm-types';
import { isoTimestamp } from '../../../simulator/cloudwatch/metric-query';

const config: MetricAlarmConfig = {
  AlarmName: 'cpu "high"', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu', Namespace: 'N', MetricName: 'M',
  Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold',
};

/** The StateUpdate HistoryData as a JSON value serialized by writeJavaJson (how it was written before). */
function reference(oldState: AlarmStateSnapshot, newState: AlarmStateSnapshot): string {
  const state = (s: AlarmStateSnapshot): JavaJson => ({
    stateValue: s.stateValue, stateReason: s.stateReason, ...(s.stateReasonData !== undefined ? { stateReasonData: raw(s.stateReasonData) } : {}),
  });
  return writeJavaJson({ version: '1.0', oldState: state(oldState), newState: state(newState) });
}

describe('StateUpdate history items', () => {
  it('write the HistoryData bytes that serializing the JSON value gives, reasons with quotes and non-ASCII included', () => {
    const snapshot = fc.record({
      stateValue: fc.constantFrom<StateValue>('OK', 'ALARM', 'INSUFFICIENT_DATA'),
      stateReason: fc.oneof(fc.string(), fc.constant('Threshold Crossed: 1 datapoint [5.0 (26/11/26 10:01:00)] "quoted" \\ 경보')),
      stateReasonData: fc.option(fc.constantFrom('{"version":"1.0","queryDate":"2026-11-26T10:01:00.000+0000","recentDatapoints":[5.0],"threshold":1.0}', '{}'), { nil: undefined }),
    }, { requiredKeys: ['stateValue', 'stateReason'] });
    fc.assert(fc.property(snapshot, snapshot, fc.integer({ min: 0, max: 4_000_000_000_000 }), (a, b, now) => {
      const old = { stateValue: a.stateValue, stateReason: a.stateReason, ...(a.stateReasonData !== undefined ? { stateReasonData: a.stateReasonData } : {}) };
      const neu = { stateValue: b.stateValue, stateReason: b.stateReason, ...(b.stateReasonData !== undefined ? { stateReasonData: b.stateReasonData } : {}) };
      const item = stateUpdateItem({ alarmType: 'MetricAlarm', config }, now, old, neu);
      expect(item).toEqual({
        AlarmName: 'cpu "high"', AlarmType: 'MetricAlarm', Timestamp: isoTimestamp(now), HistoryItemType: 'StateUpdate',
        HistorySummary: `Alarm updated from ${a.stateValue} to ${b.stateValue}`, HistoryData: reference(old, neu),
      });
      // Key order is part of the bytes a snapshot holds.
      expect(Object.keys(item)).toEqual(['AlarmName', 'AlarmType', 'Timestamp', 'HistoryItemType', 'HistorySummary', 'HistoryData']);
      expect(JSON.parse(item.HistoryData)).toMatchObject({ version: '1.0', oldState: { stateValue: a.stateValue }, newState: { stateValue: b.stateValue } });
    }), { numRuns: 300 });
  });
});

describe('Action history items', () => {
  it('write the HistoryData bytes that serializing the JSON value gives, whatever the detail holds', () => {
    const message = JSON.stringify({ default: JSON.stringify({ AlarmName: 'cpu "high"', NewStateReason: 'Threshold Crossed: 경보 \\ done' }) });
    const details: Array<Record<string, JavaJson> | undefined> = [
      undefined, {}, { publishedMessage: message }, { error: 'NotFound: Topic does not exist' }, { nested: { a: [raw('1.0'), null, true] } },
      // A detail naming a leading field replaces its value where it stands.
      { actionState: 'Retried', extra: 'x' }, { notificationResource: 'other' },
    ];
    for (const [i, detail] of details.entries()) {
      for (const succeeded of [true, false]) {
        const alarm = { alarmType: 'MetricAlarm' as const, config, stateUpdatedTimestamp: 1_764_000_000_123 + i };
        const now = 1_764_000_060_000 + i;
        const arn = 'arn:aws:sns:us-east-1:123456789012:ops';
        const data = { actionState: succeeded ? 'Succeeded' : 'Failed', stateUpdateTimestamp: int(alarm.stateUpdatedTimestamp), notificationResource: arn, ...(detail ?? {}) };
        const item = detail === undefined ? actionItem(alarm, now, arn, succeeded) : actionItem(alarm, now, arn, succeeded, detail);
        expect(item).toEqual({
          AlarmName: 'cpu "high"', AlarmType: 'MetricAlarm', Timestamp: isoTimestamp(now), HistoryItemType: 'Action',
          HistorySummary: succeeded ? `Successfully executed action ${arn}` : `Failed to execute action ${arn}`, HistoryData: writeJavaJson(data),
        });
        expect(Object.keys(item)).toEqual(['AlarmName', 'AlarmType', 'Timestamp', 'HistoryItemType', 'HistorySummary', 'HistoryData']);
      }
    }
  });
});
