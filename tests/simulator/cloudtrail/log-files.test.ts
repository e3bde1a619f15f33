// A log file's record ids are kept as runs of consecutive ids: whatever the ids, the file names exactly them,
// in order (its recipe is the ids themselves), and a delivery's usual ids cost two numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogFiles } from '../../../simulator/cloudtrail/delivery/log-files';
import { idsFromText } from '../../../simulator/cloudtrail/delivery/record-archive';

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
});
