import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../content/scenarios';
import { actionText, durationTextKo, needsTraffic, relevantApis, solutionPreview } from '../../../renderer/src/areas/scenarios/step-actions';

const def = (id: string) => SCENARIOS.find((s) => s.id === id)!;

describe("what the scenario screen derives from a step", () => {
  it("puts the step's own actions first, from its solution", () => {
    const [signIn, find] = def('console-login').steps;
    expect(relevantApis(signIn!)).toEqual(['signin:ConsoleLogin']);
    expect(relevantApis(find!)).toEqual(['cloudtrail:LookupEvents']);
    expect(relevantApis(def('insights-burst').steps[2]!)).toEqual(['s3:DeleteBucket', 'cloudtrail:LookupEvents']);
  });

  it('offers the traffic control only on steps whose solution generates traffic', () => {
    expect(def('insights-burst').steps.map(needsTraffic)).toEqual([false, true, true, true]);
    expect(SCENARIOS.filter((s) => s.id !== 'insights-burst').flatMap((s) => s.steps).some(needsTraffic)).toBe(false);
  });

  it('shows a solution as text, describing entries computed later instead of guessing them', () => {
    expect(actionText({ api: 'cloudtrail:LookupEvents', params: { EventCategory: 'insight' }, region: 'us-east-1' })).toBe('cloudtrail:LookupEvents {"EventCategory":"insight"} — us-east-1에서');
    expect(actionText({ advance: 'PT2H5M' })).toBe('시계를 2시간 5분 앞으로 (PT2H5M)');
    expect(actionText({ traffic: { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, perMinute: 100, minutes: 10 } })).toBe('트래픽 생성: s3:DeleteBucket {"Bucket":"tmp-reports"}를 분당 100회 × 10분');
    expect(durationTextKo('P91D')).toBe('91일');
    const computed = SCENARIOS.flatMap((s) => s.steps).find((st) => st.solution.some((a) => typeof a === 'function'));
    expect(computed, 'some step computes a solution entry from what happened').toBeDefined();
    expect(solutionPreview(computed!).some((t) => t.includes('실행할 때 계산'))).toBe(true);
  });
});
