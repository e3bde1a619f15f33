import { describe, expect, it } from 'vitest';
import { decideAlarmState, type RangePoint } from '../../../simulator/cloudwatch/alarm-decide';
import type { StateValue, TreatMissingData } from '../../../simulator/cloudwatch/alarm-types';

// "0" = not breaching, "X" = breaching, "-" = missing, newest on the right (the docs' notation).
function parse(points: string): RangePoint[] {
  return points.split(' ').map((p) => (p === '-' ? undefined : p === 'X'));
}

type Expected = StateValue | 'RETAIN';
const COLUMNS: TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];

function checkRow(n: number, m: number, points: string, filled: number, expected: Expected[]) {
  COLUMNS.forEach((treat, i) => {
    const d = decideAlarmState(parse(points), n, m, treat);
    expect({ treat, state: d.state ?? 'RETAIN', filled: d.filled }).toEqual({ treat, state: expected[i], filled });
  });
}

// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html, first table:
// Datapoints to Alarm = Evaluation Periods = 3, evaluation range 5.
describe('missing-data table 1 (3 of 3)', () => {
  const row = (points: string, filled: number, ...expected: Expected[]) =>
    it(`${points} -> ${expected.join(' / ')}`, () => checkRow(3, 3, points, filled, expected));
  row('0 - X - X', 0, 'OK', 'OK', 'OK', 'OK');
  row('0 - - - -', 2, 'OK', 'OK', 'OK', 'OK');
  row('- - - - -', 3, 'INSUFFICIENT_DATA', 'RETAIN', 'ALARM', 'OK');
  row('0 X X - X', 0, 'ALARM', 'ALARM', 'ALARM', 'ALARM');
  row('- - X - -', 2, 'ALARM', 'RETAIN', 'ALARM', 'OK');
});

// Second table: Datapoints to Alarm = 2, Evaluation Periods = 3 (an M out of N alarm), range 5.
describe('missing-data table 2 (2 of 3)', () => {
  const row = (points: string, filled: number, ...expected: Expected[]) =>
    it(`${points} -> ${expected.join(' / ')}`, () => checkRow(3, 2, points, filled, expected));
  row('0 - X - X', 0, 'ALARM', 'ALARM', 'ALARM', 'ALARM');
  row('0 0 X 0 X', 0, 'ALARM', 'ALARM', 'ALARM', 'ALARM');
  row('0 - X - -', 1, 'OK', 'OK', 'ALARM', 'OK');
  row('- - - - 0', 2, 'OK', 'OK', 'ALARM', 'OK');
  row('- - - X -', 2, 'ALARM', 'RETAIN', 'ALARM', 'OK');
});

describe('avoiding premature transitions to ALARM', () => {
  it('does not alarm on - - - - X or - - - X - with Datapoints to Alarm 3', () => {
    for (const points of ['- - - - X', '- - - X -']) {
      const d = decideAlarmState(parse(points), 3, 3, 'missing');
      expect(d.state).not.toBe('ALARM');
      expect(d.rule).toBe('pending');
    }
  });

  it('alarms on - - X - - because the breaching point is 3 periods old', () => {
    expect(decideAlarmState(parse('- - X - -'), 3, 3, 'missing')).toMatchObject({ state: 'ALARM', rule: 'premature' });
  });

  it('goes OK when the next point does not breach (- - - X 0)', () => {
    expect(decideAlarmState(parse('- - - X 0'), 3, 3, 'missing').state).toBe('OK');
  });

  it('uses the newest N real points, reaching back past missing ones', () => {
    const d = decideAlarmState(parse('X X 0 - -'), 3, 2, 'breaching');
    expect(d).toMatchObject({ state: 'ALARM', rule: 'realPoints', evaluated: [2, 1, 0], breaching: 2 });
  });
});
