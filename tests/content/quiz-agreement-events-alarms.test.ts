import { describe, expect, it } from 'vitest';
import { Account } from '../../simulator';
import type { JsonObject } from '../../simulator/core/contract';
import { alarmAnswer, alarmCases, alarmQuestions } from '../../content/quiz/generate-alarms';
import { patternQuestions, QUIZ_PATTERNS } from '../../content/quiz/generate-patterns';
import { recordSamples } from '../../content/quiz/samples';
import { decideAlarmState } from '../../simulator/cloudwatch/alarm-decide';

const START = Date.parse('2026-11-01T00:00:00Z');
const ROOT = { as: 'root', region: 'us-east-1', via: 'console' as const };

function ok(r: ReturnType<Account['call']>): JsonObject {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.response;
}

describe('generated EventBridge questions agree with the simulator’s TestEventPattern', () => {
  it('each answer is what events:TestEventPattern says for that pattern and event', () => {
    const acct = new Account({ seed: 5, startMs: START });
    const items = patternQuestions(recordSamples());
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.some((i) => i.answerIndex === 0) && items.some((i) => i.answerIndex === 1)).toBe(true);
    for (const item of items) {
      const p = QUIZ_PATTERNS.find((x) => item.id.startsWith(`gen-pattern-${x.id}-`))!;
      const r = ok(acct.call('events:TestEventPattern', { EventPattern: JSON.stringify(p.pattern), Event: item.json! }, ROOT));
      expect(r['Result'], item.id).toBe(item.answerIndex === 0);
    }
  });
});

describe('generated alarm questions agree with an alarm the simulator really evaluates', () => {
  it('each case ends, minute by minute, in the state the question gives (or keeps its state when the docs say retain)', () => {
    const questions = new Map(alarmQuestions().map((q) => [q.id, q]));
    for (const c of alarmCases()) {
      const acct = new Account({ seed: 6, startMs: START });
      ok(acct.call('cloudwatch:PutMetricAlarm', {
        AlarmName: 'quiz', Namespace: 'Quiz', MetricName: 'Value', Statistic: 'Maximum', Period: 60,
        EvaluationPeriods: c.n, DatapointsToAlarm: c.m, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: c.treat,
      }, ROOT));
      const state = () => String((ok(acct.call('cloudwatch:DescribeAlarms', { AlarmNames: ['quiz'] }, ROOT))['MetricAlarms'] as JsonObject[])[0]!['StateValue']);
      let before = '';
      c.values.forEach((v, i) => {
        if (i === c.values.length - 1) before = state();
        if (v !== null) ok(acct.call('cloudwatch:PutMetricData', { Namespace: 'Quiz', MetricData: [{ MetricName: 'Value', Value: v }] }, ROOT));
        acct.advance(60_000);
      });
      const decided = decideAlarmState(c.values.map((v) => (v === null ? undefined : v > 80)), c.n, c.m, c.treat).state;
      expect(state(), c.id).toBe(decided ?? before);
      const q = questions.get(`gen-alarm-${c.id}`)!;
      expect(q.choices[q.answerIndex], c.id).toBe(alarmAnswer(c));
    }
  });
});
