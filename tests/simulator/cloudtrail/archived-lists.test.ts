// Lanes that deliver the very same records at one instant share one list of archive ids (lanes.ts archived),
// also when lanes of other Regions deliver in between (a trail with log file validation has a lane in every
// Region, made one after another). Each record is archived once, and every file's ids read its own records.
import { describe, expect, it } from 'vitest';
import type { LogFileDelivered } from '../../../simulator/cloudtrail/index';
import { advance, call, MGMT_DEF, record, world } from './helpers';

const MIN = 60_000;

describe('archive ids shared across the lanes of one delivery instant', () => {
  it('lanes of two Regions taking turns each get the ids of the first lane with their records', () => {
    const w = world();
    w.store.addBucket('logs');
    for (const name of ['aaa', 'bbb', 'ccc']) {
      call(w, 'CreateTrail', { Name: name, S3BucketName: 'logs', IsMultiRegionTrail: name !== 'ccc', EnableLogFileValidation: true });
      call(w, 'StartLogging', { Name: name });
    }
    const regions = ['us-east-1', 'ap-northeast-2'];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10; i++) w.ct.ingest(record({ atMs: w.clock.ms + i * 1000, awsRegion: regions[i % 3 === 0 ? 1 : 0]! }), MGMT_DEF);
      advance(w, 5 * MIN);
    }
    const files = w.delivered.filter((d): d is LogFileDelivered => d.kind === 'logFile');
    // Per round: aaa and bbb in both Regions, ccc at home only, in the lanes' order (Regions taking turns).
    expect(files.map((f) => `${f.trailArn.split('/')[1]} ${f.region}`)).toEqual(
      [0, 1].flatMap(() => ['aaa us-east-1', 'aaa ap-northeast-2', 'bbb us-east-1', 'bbb ap-northeast-2', 'ccc us-east-1']),
    );
    for (let round = 0; round < 2; round++) {
      const [aEast, aAp, bEast, bAp, cEast] = files.slice(round * 5, round * 5 + 5) as LogFileDelivered[];
      expect(bEast!.archived.ids).toBe(aEast!.archived.ids);
      expect(cEast!.archived.ids).toBe(aEast!.archived.ids);
      expect(bAp!.archived.ids).toBe(aAp!.archived.ids);
      expect(aAp!.archived.ids).not.toBe(aEast!.archived.ids);
    }
    for (const f of files) expect(Array.from(f.archived.ids, (id) => f.archived.texts.get(id))).toEqual(f.records);
    // Each record archived once: twenty records, ids 0 to 19.
    expect(new Set(files.flatMap((f) => Array.from(f.archived.ids)))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i)));
  });
});
