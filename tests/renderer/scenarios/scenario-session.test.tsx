// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { SCENARIOS } from '../../../content/scenarios';
import { useApp } from '../../../renderer/src/store/app-store';
import { ScenarioClient } from '../../../renderer/src/areas/scenarios/scenario-client';
import { ScenarioHost } from '../../../renderer/src/areas/scenarios/worker/scenario-host';
import { useScenarioSession } from '../../../renderer/src/areas/scenarios/use-scenario-session';
import { readEntry } from '../../../renderer/src/areas/scenarios/progress-entry';
import type { MessagePort } from '../../../renderer/src/areas/simulator/sim-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const def = SCENARIOS.find((s) => s.id === 'console-login')!;
const LOOKUP = { api: 'cloudtrail:LookupEvents', params: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] } };

/** The worker's host in this thread, behind the same message boundary (asynchronous, as a Worker is). */
function localClient(): ScenarioClient {
  const port: MessagePort = { postMessage: (m) => queueMicrotask(() => host.receive(m)), onmessage: null };
  const host = new ScenarioHost((m) => queueMicrotask(() => port.onmessage?.({ data: m } as MessageEvent)));
  return new ScenarioClient(port);
}

let session: ReturnType<typeof useScenarioSession> | null = null;
function Harness() {
  session = useScenarioSession(def, localClient);
  return null;
}

async function mount() {
  const el = document.createElement('div');
  const root = createRoot(el);
  await act(async () => root.render(<Harness />));
  await expect.poll(() => session?.view !== null && session?.busy === null).toBe(true);
  return root;
}

const saved = () => readEntry(useApp.getState().progress.scenarios[def.id]).entry;

describe('a scenario session', () => {
  it('saves every move, replays them on reopening, and saves the completion', async () => {
    useApp.setState({ progress: { notesRead: [], bookmarks: [], quizStats: {}, scenarios: {} }, notices: [] });
    const first = await mount();
    expect(session!.view).toMatchObject({ index: 0, completed: false });
    expect(saved()).toBeNull();

    await act(async () => void (await session!.perform({ api: 'signin:ConsoleLogin', params: { success: true, mfa: false } })));
    expect(saved()).toMatchObject({ stepIndex: 1, completed: false, moves: [{ move: 'perform' }] });
    await act(async () => session!.hint());
    await expect.poll(() => saved()?.hintsUsed).toBe(1);
    await act(async () => void (await session!.perform({ ...LOOKUP, region: 'ap-northeast-2' })));
    expect(session!.view!.hint).toContain('us-east-1');
    expect(saved()!.moves).toHaveLength(3);
    act(() => first.unmount());

    // Reopening rebuilds the run from the saved moves alone.
    const second = await mount();
    expect(session!.view).toMatchObject({ index: 1, completed: false, hintsUsed: 1 });
    expect(useApp.getState().notices).toEqual([]);
    await act(async () => void (await session!.perform({ ...LOOKUP, region: 'us-east-1' })));
    expect(session!.view!.completed).toBe(true);
    const done = saved()!;
    expect(done).toMatchObject({ completed: true, stepIndex: 1, hintsUsed: 1, skipped: [] });
    expect(done.lastCompletion).toMatchObject({ hintsUsed: 1, skipped: 0 });

    // A restart is a new attempt; the finished one is kept for the list.
    await act(async () => session!.restart());
    expect(saved()).toMatchObject({ moves: [], stepIndex: 0, completed: false, lastCompletion: done.lastCompletion });
    act(() => second.unmount());
  });

  it('tells the learner when saved progress cannot be read, and starts afresh', async () => {
    useApp.setState({ progress: { notesRead: [], bookmarks: [], quizStats: {}, scenarios: { [def.id]: { version: 1, moves: 'lots' } } }, notices: [] });
    const root = await mount();
    expect(session!.view).toMatchObject({ index: 0 });
    expect(useApp.getState().notices.join('\n')).toContain('처음부터 시작합니다');
    act(() => root.unmount());
  });
});
