import { describe, expect, it } from 'vitest';
import { durationKo, newEntry, readEntry, statusOf, type ScenarioEntry } from '../../../renderer/src/areas/scenarios/progress-entry';

const T = '2026-11-26T10:00:00.000Z';

describe('a saved scenario entry', () => {
  it('reads a valid entry back exactly, moves included', () => {
    const entry: ScenarioEntry = {
      ...newEntry(2, T),
      moves: [
        { move: 'perform', action: { api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, as: 'alice', region: 'ap-northeast-2', via: 'console' } },
        { move: 'hint' },
        { move: 'perform', action: { advance: 'PT10M' } },
        { move: 'perform', action: { traffic: { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, perMinute: 20, minutes: 10080 } } },
        { move: 'skip' },
      ],
      stepIndex: 1,
      hintsUsed: 1,
      skipped: [0],
      activeMs: 65_000,
    };
    expect(readEntry(JSON.parse(JSON.stringify(entry)))).toEqual({ entry });
  });

  it('treats what is not an entry as untrusted: no entry, and a Korean reason', () => {
    expect(readEntry(undefined)).toEqual({ entry: null });
    for (const bad of [{ version: 2 }, { ...newEntry(2, T), moves: [{ move: 'teleport' }] }, { ...newEntry(2, T), activeMs: -1 }, { ...newEntry(2, T), moves: [{ move: 'perform', action: { api: 'x', params: {}, via: 'service' } }] }, 'done']) {
      const r = readEntry(bad);
      expect(r.entry).toBeNull();
      expect(r.problemKo).toContain('처음부터');
    }
  });

  it('gives the list its status: not started, step k of n, completed (kept across a restart)', () => {
    expect(statusOf(null)).toEqual({ kind: 'new' });
    const running = { ...newEntry(4, T), moves: [{ move: 'hint' as const }], stepIndex: 2, hintsUsed: 1, activeMs: 200_000 };
    expect(statusOf(running)).toEqual({ kind: 'running', step: 3, of: 4, hintsUsed: 1, activeMs: 200_000, doneBefore: false });
    const completion = { at: T, activeMs: 90_000, hintsUsed: 0, skipped: 1 };
    expect(statusOf({ ...running, completed: true, lastCompletion: completion })).toEqual({ kind: 'done', completion });
    expect(statusOf(newEntry(4, T, completion))).toEqual({ kind: 'done', completion });
    expect(statusOf({ ...running, lastCompletion: completion })).toMatchObject({ kind: 'running', doneBefore: true });
  });

  it('writes durations the way a learner reads them', () => {
    expect(durationKo(42_000)).toBe('42초');
    expect(durationKo(200_000)).toBe('3분 20초');
    expect(durationKo(3_900_000)).toBe('1시간 5분');
  });
});
