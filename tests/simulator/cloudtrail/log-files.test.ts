// A log file's record ids are kept as runs of consecutive ids: whatever the ids, the file names exactly them,
// in order (its recipe is the ids themselves), and a delivery's usual ids cost two numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogFiles } from '../../../simulator/cloudtrail/delivery/log-files';
import { idsFromText, idsToText } from '../../../simulator/cloudtrail/delivery/record-archive';
import { fromBase64 } from '../../../simulator/core/format';

const idsIn = (recipe: unknown) => Array.from(idsFromText((recipe as { cloudTrailLogFile: string }).cloudTrailLogFile)!);

describe('log files as runs of record ids', () => {
  it('name exactly the ids they were given, in order, next to other files', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), { maxLength: 8 }), (files) => {
        const logFiles = new LogFiles();
        const made = files.map((ids) => logFiles.file(ids));
        made.forEach((f, i) => expect(idsIn(f.recipe())).toEqual(files[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('keep one delivery of consecutive ids as a single run', () => {
    const logFiles = new LogFiles();
    logFiles.file(Array.from({ length: 500 }, (_, i) => 1000 + i));
    const column = (logFiles as unknown as { ids: { length: number } }).ids;
    expect(column.length).toBe(2);
  });

  it('are saved as their runs, and load from runs or, as snapshots before session 12 saved them, every id', () => {
    const logFiles = new LogFiles();
    const ids = [...Array.from({ length: 500 }, (_, i) => 1000 + i), 7, 8, 3];
    const text = (logFiles.file(ids).recipe() as { cloudTrailLogFile: string }).cloudTrailLogFile;
    // Three runs: six numbers, however many ids.
    expect(text.startsWith('runs:')).toBe(true);
    expect(fromBase64(text.slice(5)).length).toBe(6 * 4);
    const again = new LogFiles();
    expect(idsIn(again.restoredFile(text)!.recipe())).toEqual(ids);
    expect(idsIn(again.restoredFile(idsToText(Int32Array.from(ids)))!.recipe())).toEqual(ids);
  });

  it("refuse runs that cannot be a file's", () => {
    const runs = (...w: number[]) => `runs:${idsToText(Int32Array.from(w))}`;
    for (const bad of [runs(5), runs(5, 0), runs(-1, 3), runs(2 ** 31 - 2, 5), runs(0, 2 ** 30), 'runs:@@', 'runs:AAA']) expect(idsFromText(bad), bad).toBeUndefined();
    expect(Array.from(idsFromText(runs(4, 2, 9, 1))!)).toEqual([4, 5, 9]);
  });

  it('restore saved runs as runs: a few characters naming millions of ids are not written out, and are refused', () => {
    const files = new LogFiles();
    files.archive.add('{"eventID":"a"}', []);
    files.archive.add('{"eventID":"b"}', []);
    const fits = files.restoredFile('runs:' + idsToText(Int32Array.from([0, 2])))!;
    expect(fits.valid()).toBe(true);
    expect(new TextDecoder().decode(fits.uncompressed())).toBe('{"Records":[{"eventID":"a"},{"eventID":"b"}]}');
    // Written out, these would be four gigabytes of ids.
    const huge = files.restoredFile('runs:' + idsToText(Int32Array.from([0, 2 ** 30])))!;
    expect(huge.valid()).toBe(false);
  });
});
