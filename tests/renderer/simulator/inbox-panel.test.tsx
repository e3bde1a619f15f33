// @vitest-environment happy-dom
// The inbox lists the newest page of messages and adds a page on request; the tab's count asks for none.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { InboxPanel, useUnreadCount } from '../../../renderer/src/areas/simulator/InboxPanel';
import { SimContext, type SimSession } from '../../../renderer/src/areas/simulator/sim-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const N = 250;
const note = (i: number) => ({ Id: `msg-${i}`, Endpoint: 'me@example.com', TopicArn: 'arn:aws:sns:us-east-1:111122223333:alerts', Subject: `s${i}`, Message: 'm', Timestamp: '2026-11-01T00:00:00Z', Read: i % 2 === 0 });

function session() {
  const asked: Record<string, unknown>[] = [];
  const client = {
    request: async (req: { kind: string; api?: string; params?: Record<string, unknown> }) => {
      if (req.api !== 'sim:ReadInbox') return { ok: true, response: {} };
      asked.push(req.params ?? {});
      const max = req.params?.['MaxResults'] as number | undefined;
      const all = Array.from({ length: N }, (_, i) => note(N - 1 - i));
      return { ok: true, response: { Notifications: max === undefined ? all : all.slice(0, max), UnreadCount: N / 2, TotalCount: N } };
    },
  };
  return { s: { client, ctx: { as: 'root', region: 'us-east-1', via: 'console' }, revision: 0, refresh: () => {} } as unknown as SimSession, asked };
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('InboxPanel', () => {
  it('shows the newest 100 of 250, then 100 more, then the last 50', async () => {
    const { s, asked } = session();
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<SimContext.Provider value={s}><InboxPanel /></SimContext.Provider>));
    await settle();
    const items = () => host.querySelectorAll('.sim-notes li').length;
    expect(items()).toBe(100);
    expect(host.textContent).toContain('최신 100개 표시 (전체 250개)');
    const more = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('더 보기'));
    await act(async () => more()!.click());
    await settle();
    expect(items()).toBe(200);
    expect(more()!.textContent).toBe('50개 더 보기');
    await act(async () => more()!.click());
    await settle();
    expect(items()).toBe(250);
    expect(more()).toBeUndefined();
    expect(asked.map((p) => p['MaxResults'])).toEqual([100, 200, 300]);
    await act(async () => root.unmount());
  });

  it('counts unread messages without listing any', async () => {
    const { s, asked } = session();
    let count = -1;
    function Count() {
      count = useUnreadCount();
      return null;
    }
    const host = document.createElement('div');
    const root = createRoot(host);
    await act(async () => root.render(<SimContext.Provider value={s}><Count /></SimContext.Provider>));
    await settle();
    expect(count).toBe(N / 2);
    expect(asked).toEqual([{ UnreadOnly: true, MaxResults: 0 }]);
    await act(async () => root.unmount());
  });
});
