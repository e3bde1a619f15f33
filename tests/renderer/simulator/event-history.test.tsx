// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { EventHistory } from '../../../renderer/src/areas/simulator/EventHistory';
import { SimContext, type SimSession } from '../../../renderer/src/areas/simulator/sim-context';
import { collectRows } from '../../../renderer/src/areas/simulator/worker/history-rows';
import type { HistoryRow } from '../../../renderer/src/areas/simulator/worker/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const N = 100_000;

function lookupEvent(i: number) {
  return { EventId: `e-${i}`, EventName: i % 2 ? 'CreateSubnet' : 'DescribeVpcs', ReadOnly: String(i % 2 === 0), EventTime: '2026-11-23T00:00:00.000Z', EventSource: 'ec2.amazonaws.com', Username: 'alice', Resources: [{ ResourceType: 'AWS::EC2::Subnet', ResourceName: `subnet-${i}` }], CloudTrailEvent: '{}' };
}

const historyRow = (i: number, eventName: string): HistoryRow => ({ eventId: `e-${i}`, eventName, eventTime: '2026-11-23T00:00:00.000Z', username: 'alice', eventSource: 'ec2.amazonaws.com', resourceType: '', resourceName: '', readOnly: 'false' });

/** The event history over a worker that lists `rows`, mounted and settled. */
async function mountHistory(rows: HistoryRow[]) {
  const client = { request: async (req: { kind: string }) => (req.kind === 'history' ? { rows, truncated: false } : { json: null }) };
  const session = { client, ctx: { as: 'alice', region: 'us-east-1', via: 'console' }, nowMs: 0, revision: 0 } as unknown as SimSession;
  // happy-dom lays nothing out: give the scroller the size a 1280×800 window gives it.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(<SimContext.Provider value={session}><EventHistory /></SimContext.Provider>);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
  return { host, root };
}

describe('event history at 100,000 events', () => {
  it('pages through LookupEvents NextToken to the end, 50 at a time', () => {
    const seen: unknown[] = [];
    const result = collectRows({ region: 'us-east-1' }, (p) => {
      seen.push(p['NextToken']);
      const start = p['NextToken'] ? Number(p['NextToken']) : 0;
      expect(p['MaxResults']).toBe(50);
      const events = Array.from({ length: Math.min(50, N - start) }, (_, k) => lookupEvent(start + k));
      return (start + 50 < N ? { Events: events, NextToken: String(start + 50) } : { Events: events }) as never;
    });
    expect(result.rows).toHaveLength(N);
    expect(result.truncated).toBe(false);
    expect(seen).toHaveLength(N / 50);
    expect(result.rows[N - 1]).toMatchObject({ eventId: `e-${N - 1}`, resourceType: 'AWS::EC2::Subnet', resourceName: `subnet-${N - 1}` });
  });

  it('applies the read-only filter on top of another lookup attribute', () => {
    const page = () => ({ Events: [lookupEvent(1), lookupEvent(2), lookupEvent(3)] }) as never;
    expect(collectRows({ region: 'r', attribute: { key: 'Username', value: 'alice' }, readOnly: 'false' }, page).rows.map((r) => r.eventId)).toEqual(['e-1', 'e-3']);
  });

  it('renders only the rows in view (a virtual list), not 100,000 DOM rows', async () => {
    const { host, root } = await mountHistory(Array.from({ length: N }, (_, i) => historyRow(i, 'CreateSubnet')));
    expect(host.querySelector('.sim-table-foot')?.textContent).toContain('100,000개 이벤트');
    const rendered = host.querySelectorAll('.sim-tbody [role=row]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await act(async () => root.unmount());
  });

  it('reuses the elements of rows scrolled out for the rows scrolled in, each showing its own event', async () => {
    const { host, root } = await mountHistory(Array.from({ length: 1000 }, (_, i) => historyRow(i, `Event${i}`)));
    const shown = () => [...host.querySelectorAll<HTMLElement>('.sim-tbody [role=row]')];
    const names = () => shown().map((el) => el.firstElementChild?.textContent).sort();
    const before = shown();
    expect(names()).toContain('Event0');
    const scroller = host.querySelector<HTMLElement>('[data-testid="history-scroller"]')!;
    // Three screenfuls down: no row shown before is still in view.
    await act(async () => {
      scroller.scrollTop = 3 * 520;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 20));
    });
    const after = shown();
    expect(names()).not.toContain('Event0');
    expect(names()).toContain('Event50');
    const reused = after.filter((el) => before.includes(el));
    expect(reused.length).toBe(Math.min(before.length, after.length));
    // Each row's texts, position and handler are its own event's: a click selects the row it shows.
    const row50 = after.find((el) => el.firstElementChild?.textContent === 'Event50')!;
    expect(row50.style.transform).toBe(`translateY(${50 * 34}px)`);
    await act(async () => row50.click());
    expect(row50.getAttribute('aria-selected')).toBe('true');
    expect(after.filter((el) => el.getAttribute('aria-selected') === 'true')).toEqual([row50]);
    await act(async () => root.unmount());
  });
});
