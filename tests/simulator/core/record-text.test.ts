import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../simulator/core/contract';
import { recordText } from '../../../simulator/core/record-text';

const record = (eventName: string): CloudTrailRecord => ({ eventVersion: '1.08', eventName, awsRegion: 'us-east-1' }) as unknown as CloudTrailRecord;

describe('recordText', () => {
  it('is JSON.stringify of the record, for each record in turn and again after another', () => {
    const a = record('CreateSubnet');
    const b = record('PutObject');
    expect(recordText(a)).toBe(JSON.stringify(a));
    expect(recordText(b)).toBe(JSON.stringify(b));
    expect(recordText(a)).toBe(JSON.stringify(a));
  });
});
