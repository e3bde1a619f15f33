import { describe, expect, it } from 'vitest';
import { saveFailureKo } from '../../../renderer/src/areas/simulator/save-failure';

describe('the notice when a save fails', () => {
  it('says the sandbox outgrew one save when the engine refuses a string that long, not that the disk is full', () => {
    let tooLong: Error | undefined;
    try {
      'x'.repeat(2 ** 30);
    } catch (e) {
      tooLong = e as Error;
    }
    expect(tooLong).toBeInstanceOf(RangeError);
    const ko = saveFailureKo(tooLong!);
    expect(ko).toContain('너무 커서');
    expect(ko).toContain('마지막으로 저장된 상태');
    expect(ko).not.toContain('저장 공간이 부족');
  });

  it('keeps the storage notice for other failures', () => {
    const ko = saveFailureKo(new Error('QuotaExceededError'));
    expect(ko).toContain('저장 공간이 부족할 수 있습니다');
    expect(ko).toContain('QuotaExceededError');
  });
});
