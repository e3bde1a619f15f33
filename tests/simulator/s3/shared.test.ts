import { describe, expect, it } from 'vitest';
import { bucketHost } from '../../../simulator/s3/shared';

describe('bucketHost', () => {
  it('is the virtual-hosted endpoint, for more buckets than are kept at once, asked again and again', () => {
    const regions = ['us-east-1', 'ap-northeast-2', 'eu-west-1'];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2500; i++) {
        const bucket = `bucket-${(i * 7) % 1500}`;
        const region = regions[i % regions.length]!;
        expect(bucketHost(bucket, region)).toBe(`${bucket}.s3.${region}.amazonaws.com`);
      }
    }
    expect(bucketHost('', 'us-east-1')).toBe('.s3.us-east-1.amazonaws.com');
  });
});
