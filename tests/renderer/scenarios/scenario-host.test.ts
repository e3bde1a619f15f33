import { describe, expect, it } from 'vitest';
import { ScenarioHost } from '../../../renderer/src/areas/scenarios/worker/scenario-host';
import { fromWorkerSchema, type FromScenarioWorker, type MoveResult } from '../../../renderer/src/areas/scenarios/worker/scenario-protocol';
import { ScenarioClient } from '../../../renderer/src/areas/scenarios/scenario-client';
import type { MessagePort } from '../../../renderer/src/areas/simulator/sim-client';
import type { SavedMove } from '../../../renderer/src/areas/scenarios/progress-entry';

const LOOKUP = { api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] } };
const SIGN_IN = { api: 'signin:ConsoleLogin', params: { success: true, mfa: false }, as: 'alice', region: 'ap-northeast-2', via: 'console' as const };

function harness() {
  const out: FromScenarioWorker[] = [];
  const host = new ScenarioHost((m) => {
    // Everything the worker sends must pass the UI's own validation.
    expect(fromWorkerSchema.safeParse(m).success, JSON.stringify(m).slice(0, 300)).toBe(true);
    out.push(m);
  });
  let id = 0;
  const ask = (req: unknown): MoveResult => {
    const my = ++id;
    host.receive({ lane: 'scenario', id: my, req });
    const reply = out.find((m) => m.lane === 'scenario' && m.id === my);
    if (!reply || reply.lane !== 'scenario') throw new Error('no reply');
    if (!reply.ok) throw new Error(reply.errorKo);
    return reply.value;
  };
  const sim = (req: unknown): unknown => {
    const my = ++id;
    host.receive({ lane: 'sim', message: { id: my, req } });
    const reply = out.find((m) => m.lane === 'sim' && (m.message as { id: number }).id === my);
    return reply?.lane === 'sim' ? reply.message : undefined;
  };
  return { host, out, ask, sim };
}

/** alice's sign-ins in a Region's event history (the sandbox's root console session has its own). */
const consoleLoginIds = (h: ReturnType<typeof harness>, region: string) => {
  const r = h.sim({ kind: 'inspect', action: 'cloudtrail:LookupEvents', params: LOOKUP.params, region }) as { value: { response: { Events: { EventId: string; Username: string }[] } } };
  return r.value.response.Events.filter((e) => e.Username === 'alice').map((e) => e.EventId);
};

describe('the scenario worker host', () => {
  it('plays 콘솔 로그인을 추적하기: a wrong-Region lookup gets the hint, us-east-1 completes it', () => {
    const h = harness();
    expect(h.ask({ kind: 'open', scenarioId: 'console-login', moves: [] }).view).toMatchObject({ index: 0, completed: false, hint: null });
    const signIn = h.ask({ kind: 'perform', action: SIGN_IN });
    expect(signIn.view.index).toBe(1);
    expect(signIn.outcomes).toHaveLength(1);
    expect(signIn.outcomes[0]!.records[0]).toMatchObject({ eventName: 'ConsoleLogin', awsRegion: 'us-east-1' });
    const wrong = h.ask({ kind: 'perform', action: { ...LOOKUP, region: 'ap-northeast-2' } });
    expect(wrong.view).toMatchObject({ index: 1, completed: false });
    expect(wrong.view.hint).toContain('us-east-1');
    const right = h.ask({ kind: 'perform', action: { ...LOOKUP, region: 'us-east-1' } });
    expect(right.view).toMatchObject({ completed: true, hintsUsed: 0, skipped: [] });
  });

  it('rebuilds an identical account by replaying the saved moves', () => {
    const moves: SavedMove[] = [
      { move: 'perform', action: SIGN_IN },
      { move: 'hint' },
      { move: 'perform', action: { advance: 'PT10M' } },
      { move: 'perform', action: { ...LOOKUP, region: 'ap-northeast-2' } },
    ];
    const first = harness();
    first.ask({ kind: 'open', scenarioId: 'console-login', moves: [] });
    let last: MoveResult | undefined;
    for (const m of moves) last = m.move === 'perform' ? first.ask({ kind: 'perform', action: m.action }) : first.ask({ kind: m.move });
    const again = harness();
    const replayed = again.ask({ kind: 'open', scenarioId: 'console-login', moves });
    expect(replayed.view).toEqual(last!.view);
    expect(replayed.view.hintsUsed).toBe(1);
    // Same seed, same moves: the very same event ids in the very same place.
    expect(consoleLoginIds(again, 'us-east-1')).toEqual(consoleLoginIds(first, 'us-east-1'));
    expect(consoleLoginIds(again, 'us-east-1')).toHaveLength(1);
  });

  it('skips with the solution it performed, and restarts from the known sandbox', () => {
    const h = harness();
    h.ask({ kind: 'open', scenarioId: 'console-login', moves: [] });
    const skipped = h.ask({ kind: 'skip' });
    expect(skipped.performed).toEqual([{ api: 'signin:ConsoleLogin', params: { success: true, mfa: false } }]);
    expect(skipped.outcomes.map((o) => o.api)).toEqual(['signin:ConsoleLogin']);
    expect(skipped.view).toMatchObject({ index: 1, skipped: [0] });
    const restarted = h.ask({ kind: 'restart' });
    expect(restarted.view).toMatchObject({ index: 0, skipped: [], hintsUsed: 0, completed: false });
    expect(consoleLoginIds(h, 'us-east-1')).toEqual([]);
  });

  it('answers the simulator screen read-only requests and refuses state changes on that lane', () => {
    const h = harness();
    h.ask({ kind: 'open', scenarioId: 'console-login', moves: [] });
    const users = h.sim({ kind: 'inspect', action: 'iam:ListUsers', params: {}, region: 'us-east-1' }) as { ok: boolean; value: { response: { Users: { UserName: string }[] } } };
    expect(users.value.response.Users.map((u) => u.UserName)).toEqual(['alice']);
    const catalog = h.sim({ kind: 'catalog' }) as { value: { api: string }[] };
    expect(catalog.value.map((c) => c.api)).toContain('signin:ConsoleLogin');
    const call = h.sim({ kind: 'call', api: 'iam:CreateUser', params: { UserName: 'mallory' }, ctx: { as: 'root', region: 'us-east-1', via: 'console' } }) as { ok: boolean; errorKo: string };
    expect(call).toMatchObject({ ok: false });
    expect(call.errorKo).toContain('call');
  });

  it('reports generated traffic progress while a long step runs', () => {
    const h = harness();
    h.ask({ kind: 'open', scenarioId: 'insights-burst', moves: [] });
    const r = h.ask({ kind: 'perform', action: { traffic: { api: 's3:DeleteBucket', params: { Bucket: 'tmp-reports' }, perMinute: 1, minutes: 180 } } });
    const progress = h.out.filter((m) => m.lane === 'progress');
    expect(progress).toEqual([60, 120, 180].map((done) => ({ lane: 'progress', done, total: 180 })));
    expect(r.view.nowMs - Date.parse('2026-11-07T00:00:00Z')).toBeGreaterThanOrEqual(180 * 60_000);
  });

  it('answers an unknown scenario with an error, not a crash', () => {
    const h = harness();
    expect(() => h.ask({ kind: 'open', scenarioId: 'no-such', moves: [] })).toThrow('없는 시나리오');
  });
});

describe('the scenario client', () => {
  it('carries moves, progress and the simulator lane over one port', async () => {
    const toHost: unknown[] = [];
    const port: MessagePort = { postMessage: (m) => toHost.push(m), onmessage: null };
    const client = new ScenarioClient(port);
    const host = new ScenarioHost((m) => queueMicrotask(() => port.onmessage?.({ data: m } as MessageEvent)));
    const pump = () => {
      while (toHost.length) host.receive(toHost.shift());
    };
    const opened = client.request({ kind: 'open', scenarioId: 'console-login', moves: [] });
    pump();
    expect((await opened).view.index).toBe(0);
    const users = client.sim.request({ kind: 'inspect', action: 'iam:ListUsers', params: {}, region: 'us-east-1' });
    pump();
    expect((await users).ok).toBe(true);
    const bad = client.request({ kind: 'open', scenarioId: 'nope', moves: [] });
    pump();
    await expect(bad).rejects.toThrow('없는 시나리오');
  });
});
