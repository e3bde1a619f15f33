// storedBytes is kept as a running tally per stream; it must equal a full recount after any sequence of writes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Length } from '../../../simulator/logs/stream-tally';
import { newAccount, ok, rootConsole, START } from '../support';

describe('utf8Length', () => {
  it('equals the length TextEncoder writes, lone surrogates included', () => {
    const enc = new TextEncoder();
    const samples = ['', 'ascii', '로그 그룹', '😀 emoji', 'é', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d'];
    // Long texts take the other path (beyond the reused buffer).
    const long = samples.map((s) => `${s}${'로그😀\ud800x'.repeat(4000)}${s}`);
    for (const s of [...samples, ...long]) expect(utf8Length(s), JSON.stringify(s.slice(0, 20))).toBe(enc.encode(s).length);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(utf8Length(s)).toBe(enc.encode(s).length);
      }),
    );
  });
});

describe('DescribeLogGroups storedBytes', () => {
  it('counts every stored event (UTF-8 message + 26 bytes) as writes come and go', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    const enc = new TextEncoder();
    ok(acct.call('logs:CreateLogGroup', { logGroupName: 'app' }, c));
    ok(acct.call('logs:CreateLogStream', { logGroupName: 'app', logStreamName: 'a' }, c));
    ok(acct.call('logs:CreateLogStream', { logGroupName: 'app', logStreamName: 'b' }, c));
    const stored: string[] = [];
    const bytes = () => (ok(acct.call('logs:DescribeLogGroups', { logGroupNamePrefix: 'app' }, c))['logGroups'] as { storedBytes: number }[])[0]?.storedBytes;
    const recount = () => stored.reduce((n, m) => n + enc.encode(m).length + 26, 0);
    expect(bytes()).toBe(0);
    const batches: [string, string[]][] = [['a', ['hello', '로그']], ['b', ['😀']], ['a', ['x'.repeat(300), '{"k":"v"}']]];
    for (const [stream, messages] of batches) {
      ok(acct.call('logs:PutLogEvents', { logGroupName: 'app', logStreamName: stream, logEvents: messages.map((message, i) => ({ timestamp: START + i, message })) }, c));
      stored.push(...messages);
      expect(bytes()).toBe(recount());
    }
    // Events written while nobody asked (a Lambda function's or a trail's) are counted on the next look.
    acct.logs.model.append('us-east-1', 'app', 'c', [{ timestamp: START, message: 'late' }], START);
    stored.push('late');
    expect(bytes()).toBe(recount());
    // A restored model starts its tallies afresh from the restored events.
    acct.logs.model.restore(acct.logs.model.snapshot());
    expect(bytes()).toBe(recount());
  });
});

describe('GetLogEvents and DescribeLogStreams from the tally', () => {
  interface Ev { timestamp: number; message: string; ingestionTime: number }
  /** The way GetLogEvents paged before the tally: filter and stable sort of every event, positions in that list. */
  function reference(all: Ev[], p: { startTime?: number; endTime?: number; limit: number; startFromHead?: boolean; nextToken?: string }) {
    const start = p.startTime ?? -Infinity;
    const end = p.endTime ?? Infinity;
    const events = all.filter((e) => e.timestamp >= start && e.timestamp < end).sort((a, b) => a.timestamp - b.timestamp);
    const token = p.nextToken;
    let from: number;
    if (token !== undefined) {
      const at = Math.min(Number(token.slice(2)), events.length);
      from = token.startsWith('f') ? at : Math.max(0, at - p.limit);
    } else from = p.startFromHead === true ? 0 : Math.max(0, events.length - p.limit);
    const to = token?.startsWith('b/') ? Math.min(events.length, Math.max(from, Number(token.slice(2)))) : Math.min(events.length, from + p.limit);
    return { events: events.slice(from, to), nextForwardToken: `f/${to}`, nextBackwardToken: `b/${from}` };
  }

  it('pages exactly as a filtered, sorted copy would, in order or not', () => {
    const { acct } = newAccount();
    const c = rootConsole(acct);
    ok(acct.call('logs:CreateLogGroup', { logGroupName: 'app' }, c));
    let n = 0;
    // Batches are each in order (PutLogEvents demands it); a later batch may go back in time.
    const batch = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }).map((ts) => ts.sort((a, b) => a - b));
    const query = fc.record({ startTime: fc.option(fc.integer({ min: -5, max: 45 }), { nil: undefined }), endTime: fc.option(fc.integer({ min: -5, max: 45 }), { nil: undefined }), limit: fc.integer({ min: 1, max: 5 }), startFromHead: fc.boolean() });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 5 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.boolean(), (batches, queries, ordered) => {
        const stream = { logGroupName: 'app', logStreamName: `s${n++}` };
        ok(acct.call('logs:CreateLogStream', stream, c));
        let shift = 0;
        for (const b of batches) {
          const logEvents = b.map((t, i) => ({ timestamp: START + shift + t, message: `m${shift}-${i}` }));
          ok(acct.call('logs:PutLogEvents', { ...stream, logEvents }, c));
          if (ordered) shift += 50;
        }
        const all = acct.logs.model.stream('us-east-1', 'app', stream.logStreamName).events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime }));
        for (const q of queries) {
          const params = { ...q, startTime: q.startTime === undefined ? undefined : START + q.startTime, endTime: q.endTime === undefined ? undefined : START + q.endTime };
          const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
          let want = reference(all, params);
          let got = ok(acct.call('logs:GetLogEvents', { ...stream, ...clean }, c));
          expect(got).toEqual(want);
          // Walk the tokens both ways a few steps.
          for (const dir of ['nextForwardToken', 'nextBackwardToken', 'nextForwardToken'] as const) {
            const nextToken = got[dir] as string;
            want = reference(all, { ...params, nextToken });
            got = ok(acct.call('logs:GetLogEvents', { ...stream, ...clean, nextToken }, c));
            expect(got).toEqual(want);
          }
        }
        // FilterLogEvents over the same stream: every event with start <= timestamp <= end, in time order.
        for (const q of queries) {
          const params = { ...(q.startTime === undefined ? {} : { startTime: Math.max(0, START + q.startTime) }), ...(q.endTime === undefined ? {} : { endTime: START + q.endTime }) };
          const lo = params.startTime ?? 0;
          const hi = params.endTime ?? Number.MAX_SAFE_INTEGER;
          const found = (ok(acct.call('logs:FilterLogEvents', { logGroupName: 'app', logStreamNames: [stream.logStreamName], ...params }, c))['events'] as unknown as Ev[]).map((e) => [e.timestamp, e.message]);
          const want = all.filter((e) => e.timestamp >= lo && e.timestamp <= hi).sort((a, b) => a.timestamp - b.timestamp).map((e) => [e.timestamp, e.message]);
          expect(found).toEqual(want);
        }
        const described = (ok(acct.call('logs:DescribeLogStreams', { logGroupName: 'app', logStreamNamePrefix: stream.logStreamName }, c))['logStreams'] as Record<string, unknown>[]).find((s) => s['logStreamName'] === stream.logStreamName);
        const ts = all.map((e) => e.timestamp);
        expect(described).toMatchObject({ firstEventTimestamp: Math.min(...ts), lastEventTimestamp: Math.max(...ts), lastIngestionTime: Math.max(...all.map((e) => e.ingestionTime)) });
      }),
      { numRuns: 60 },
    );
  });
});
