// A lane's buffer starts each list at the size of the previous one (lane-buffer.ts): whatever the sizes, a taken
// list is exactly the records pushed since the last take, in order, and stays as taken.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LaneBuffer } from '../../../simulator/cloudtrail/delivery/lane-buffer';
import { waitingRecord, type WaitingRecord } from '../../../simulator/cloudtrail/delivery/lanes';

const rec = (n: number): WaitingRecord => waitingRecord(`{"n":${n}}`, [], undefined, n);

describe('lane buffer', () => {
  it('takes exactly the records pushed since the last take, growing or shrinking from one list to the next', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(5), fc.nat(120)), { maxLength: 12 }), fc.nat(30), (sizes, restored) => {
        const start = Array.from({ length: restored }, (_, i) => rec(-1 - i));
        const buffer = new LaneBuffer([...start]);
        expect(buffer.length).toBe(restored);
        expect(buffer.texts()).toEqual(start.map((r) => r.json));
        const taken: { list: WaitingRecord[]; want: WaitingRecord[] }[] = [];
        let n = 0;
        let pending = start;
        for (const size of sizes) {
          const pushed = Array.from({ length: size }, () => rec(n++));
          for (const r of pushed) buffer.push(r);
          const want = [...pending, ...pushed];
          expect(buffer.length).toBe(want.length);
          expect(buffer.texts()).toEqual(want.map((r) => r.json));
          const list = buffer.take();
          expect(list).toEqual(want);
          expect(list.length).toBe(want.length);
          // No holes: every index holds its record.
          for (let i = 0; i < list.length; i++) expect(i in list).toBe(true);
          expect(buffer.length).toBe(0);
          expect(buffer.texts()).toEqual([]);
          taken.push({ list, want });
          pending = [];
        }
        // Lists already taken are the caller's: later pushes and takes never touch them.
        for (const { list, want } of taken) expect(list).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('starts a list at the previous list\'s size and cuts it to its records when taken', () => {
    const buffer = new LaneBuffer();
    for (let i = 0; i < 50; i++) buffer.push(rec(i));
    expect(buffer.take()).toHaveLength(50);
    buffer.push(rec(50));
    buffer.push(rec(51));
    const small = buffer.take();
    expect(small.map((r) => r.eventMs)).toEqual([50, 51]);
    expect(small).toHaveLength(2);
  });
});
