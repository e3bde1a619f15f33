// @vitest-environment happy-dom
// After a change in the account the event history adds the newer rows to what it listed, instead of reading
// every row again (100,000 rows took the worker seconds, after every call made while the tab was open).
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { EventHistory } from '../../../renderer/src/areas/simulator/EventHistory';
import { SimContext, type SimSession } from '../../../renderer/src/areas/simulator/sim-context';
import type { HistoryQuery, HistoryRow } from '../../../renderer/src/areas/simulator/worker/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const T0 = Date.UTC(2026, 10, 23);
const row = (i: number, atMs: number): HistoryRow => ({ eventId: `e-${i}`, eventName: 'CreateSubnet', eventTime: new Date(atMs).toISOString().replace('.000Z', 'Z'), username: 'alice', eventSource: 'ec2.amazonaws.com', resourceType: '', resourceName: '', readOnly: 'false' });

/** A worker that answers LookupEvents over `records` (newest first, StartTime inclusive), and notes each query. */
function fakeClient(records: () => HistoryRow[]) {
  const asked: HistoryQuery[] = [];
  const client = {
    request: async (req: { kind: string; query?: HistoryQuery }) => {
      if (req.kind !== 'history') return { json: null };
      asked.push(req.query!);
      const from = req.query!.startMs ?? -Infinity;
      return { rows: records().filter((r) => Date.parse(r.eventTime) >= from), truncated: false };
    },
  };
  return { client, asked };
}

async function settle(ms: number): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

describe('the event history after a change', () => {
  it('adds only the newer rows (none twice), and reads everything again for a new account', async () => {
    // Newest first: three calls in the same second at T0+60 s, two earlier.
    let records = [row(4, T0 + 60_000), row(3, T0 + 60_000), row(2, T0 + 60_000), row(1, T0 + 1000), row(0, T0)];
    const { client, asked } = fakeClient(() => records);
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const session = (revision: number, epoch: number) => ({ client, ctx: { as: 'alice', region: 'us-east-1', via: 'console' }, nowMs: T0 + 120_000, revision, epoch }) as unknown as SimSession;
    const show = (revision: number, epoch: number) => root.render(<SimContext.Provider value={session(revision, epoch)}><EventHistory /></SimContext.Provider>);
    const count = () => host.querySelector('.sim-table-foot')?.textContent;

    await act(async () => show(0, 1));
    await settle(20);
    expect(count()).toContain('5개 이벤트');
    expect(asked.at(-1)?.startMs).toBeUndefined();

    // Two more calls in that same second and one later.
    records = [row(7, T0 + 61_000), row(6, T0 + 60_000), row(5, T0 + 60_000), ...records];
    await act(async () => show(1, 1));
    await settle(400);
    expect(asked.at(-1)?.startMs).toBe(T0 + 60_000);
    // Three new rows on top (the three of that second already listed are not added again), newest first.
    expect(count()).toContain('8개 이벤트');
    const times = [...host.querySelectorAll('.sim-tbody [role=row]')].map((r) => r.querySelectorAll('span')[1]?.textContent);
    expect(times).toEqual(['2026-11-23 00:01:01Z', ...Array(5).fill('2026-11-23 00:01:00Z'), '2026-11-23 00:00:01Z', '2026-11-23 00:00:00Z']);

    // A new sandbox: an older clock, other records. Everything is read again.
    records = [row(100, T0 - 5000)];
    await act(async () => show(2, 2));
    await settle(400);
    expect(asked.at(-1)?.startMs).toBeUndefined();
    expect(count()).toContain('1개 이벤트');
    await act(async () => root.unmount());
  });

  it('shows its last listing at once when the tab opens again, and asks only for what is newer', async () => {
    let records = [row(1, T0 + 1000), row(0, T0)];
    const { client, asked } = fakeClient(() => records);
    const session = { client, ctx: { as: 'alice', region: 'us-east-1', via: 'console' }, nowMs: T0 + 120_000, revision: 0, epoch: 1 } as unknown as SimSession;
    const open = async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      await act(async () => root.render(<SimContext.Provider value={session}><EventHistory /></SimContext.Provider>));
      await settle(20);
      return { host, root };
    };
    const first = await open();
    expect(asked.at(-1)?.startMs).toBeUndefined();
    await act(async () => first.root.unmount());
    records = [row(2, T0 + 2000), ...records];
    const again = await open();
    expect(asked.at(-1)?.startMs).toBe(T0 + 1000);
    expect(again.host.querySelector('.sim-table-foot')?.textContent).toContain('3개 이벤트');
    await act(async () => again.root.unmount());
    // Another worker (a new sandbox after an import) has no listing kept: everything is read.
    const other = fakeClient(() => records);
    const host = document.createElement('div');
    const root = createRoot(host);
    await act(async () => root.render(<SimContext.Provider value={{ ...session, client: other.client } as unknown as SimSession}><EventHistory /></SimContext.Provider>));
    await settle(20);
    expect(other.asked.at(-1)?.startMs).toBeUndefined();
    await act(async () => root.unmount());
  });

  it('reads everything again when a time window is chosen (rows leave it as the clock moves)', async () => {
    const records = [row(1, T0 + 1000), row(0, T0)];
    const { client, asked } = fakeClient(() => records);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const session = (revision: number) => ({ client, ctx: { as: 'alice', region: 'us-east-1', via: 'console' }, nowMs: T0 + 120_000, revision, epoch: 1 }) as unknown as SimSession;
    await act(async () => root.render(<SimContext.Provider value={session(0)}><EventHistory /></SimContext.Provider>));
    await settle(20);
    const select = host.querySelector('select[aria-label="기간"]') as HTMLSelectElement;
    await act(async () => {
      select.value = '1d';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => (host.querySelector('form') as HTMLFormElement).requestSubmit());
    await settle(20);
    const windowStart = asked.at(-1)?.startMs;
    expect(windowStart).toBe(T0 + 120_000 - 86_400_000);
    await act(async () => root.render(<SimContext.Provider value={session(1)}><EventHistory /></SimContext.Provider>));
    await settle(400);
    expect(asked.at(-1)?.startMs).toBe(windowStart);
    await act(async () => root.unmount());
  });
});
