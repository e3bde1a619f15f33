import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../renderer/src/review/grade';

describe('gradeAnswer: correctness, response time and confidence to FSRS grades', () => {
  it.each([
    // [case, result, grade]
    ['wrong, even when fast and sure', { correct: false, responseMs: 2_000, confidence: 'sure' as const }, Rating.Again],
    ['wrong and slow', { correct: false, responseMs: 60_000 }, Rating.Again],
    ['right in 10 s, no confidence asked', { correct: true, responseMs: 10_000 }, Rating.Good],
    ['right exactly at the 15 s line', { correct: true, responseMs: 15_000 }, Rating.Good],
    ['right but just over 15 s', { correct: true, responseMs: 15_001 }, Rating.Hard],
    ['right and fast but unsure', { correct: true, responseMs: 3_000, confidence: 'unsure' as const }, Rating.Hard],
    ['right, fast (7.5 s) and sure', { correct: true, responseMs: 7_500, confidence: 'sure' as const }, Rating.Easy],
    ['right and sure but not fast (8 s)', { correct: true, responseMs: 8_000, confidence: 'sure' as const }, Rating.Good],
    ['right and fast without a confidence choice', { correct: true, responseMs: 1_000 }, Rating.Good],
    ['right, sure, but slow', { correct: true, responseMs: 20_000, confidence: 'sure' as const }, Rating.Hard],
    // A read-the-JSON item expected to take 40 s: 60 s is not slow for it, 81 s is.
    ['long item in 60 s', { correct: true, responseMs: 60_000, expectedMs: 40_000 }, Rating.Good],
    ['long item in 81 s', { correct: true, responseMs: 81_000, expectedMs: 40_000 }, Rating.Hard],
    ['long item in 35 s, sure', { correct: true, responseMs: 35_000, expectedMs: 40_000, confidence: 'sure' as const }, Rating.Easy],
  ])('%s', (_case, result, grade) => {
    expect(gradeAnswer(result)).toBe(grade);
  });

  it('rejects impossible response times with a Korean message', () => {
    expect(() => gradeAnswer({ correct: true, responseMs: -1 })).toThrow(/응답 시간이 올바르지 않습니다/);
    expect(() => gradeAnswer({ correct: true, responseMs: Number.NaN })).toThrow(RangeError);
    expect(() => gradeAnswer({ correct: true, responseMs: 1, expectedMs: 0 })).toThrow(/예상 시간/);
  });
});
