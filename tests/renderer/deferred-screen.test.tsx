// @vitest-environment happy-dom
// Screens load their code on demand, or ahead while the page is idle. A screen shown after its code arrived
// renders at once (no fallback flash); a screen mounted while loading keeps its state when the code lands.
import { describe, expect, it, vi } from 'vitest';
import { Suspense, act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { deferredScreen, type ScreenModule } from '../../renderer/src/deferred-screen';
import { preloadWhenIdle } from '../../renderer/src/idle-preload';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>count {n}</button>;
}

function controlledModule() {
  let resolve!: (m: ScreenModule) => void;
  const load = vi.fn(() => new Promise<ScreenModule>((r) => (resolve = r)));
  return { load, resolve: (m: ScreenModule) => resolve(m) };
}

async function mount(el: React.ReactElement) {
  const div = document.createElement('div');
  document.body.append(div);
  const root = createRoot(div);
  await act(async () => root.render(el));
  return { div, root };
}

describe('deferredScreen', () => {
  it('shows a preloaded screen on its first render, without the fallback', async () => {
    const m = controlledModule();
    const s = deferredScreen(m.load);
    const p = s.preload();
    m.resolve({ default: Counter });
    await p;
    const fallbacks: string[] = [];
    function Fallback() {
      fallbacks.push('shown');
      return <p>loading</p>;
    }
    const { div } = await mount(<Suspense fallback={<Fallback />}><s.Screen /></Suspense>);
    expect(div.textContent).toBe('count 0');
    expect(fallbacks).toEqual([]);
    expect(m.load).toHaveBeenCalledTimes(1);
  });

  it('loads once on demand, and a screen mounted while loading keeps its state afterwards', async () => {
    const m = controlledModule();
    const s = deferredScreen(m.load);
    function Host({ tick }: { tick: number }) {
      return <Suspense fallback={<p>loading</p>}><s.Screen key="one" />{tick}</Suspense>;
    }
    const { div, root } = await mount(<Host tick={0} />);
    expect(div.textContent).toBe('loading');
    await act(async () => m.resolve({ default: Counter }));
    expect(div.textContent).toBe('count 00');
    await act(async () => div.querySelector('button')!.click());
    expect(div.textContent).toBe('count 10');
    // The module is now loaded; a re-render must not swap the mounted lazy screen for the direct one.
    await act(async () => root.render(<Host tick={1} />));
    expect(div.textContent).toBe('count 11');
    await s.preload();
    expect(m.load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a load that failed: the screen opens once its code arrives', async () => {
    let attempts = 0;
    const s = deferredScreen(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk failed to load');
      return { default: Counter };
    });
    await expect(s.preload()).rejects.toThrow('chunk failed to load');
    const { div } = await mount(<Suspense fallback={<p>loading</p>}><s.Screen /></Suspense>);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(div.textContent).toBe('count 0');
    expect(attempts).toBe(2);
  });
});

describe('preloadWhenIdle', () => {
  it('after the delay loads each screen in turn in idle moments, then warms it; stops when asked', async () => {
    vi.useFakeTimers();
    try {
      const order: string[] = [];
      const idle: (() => void)[] = [];
      const w = { requestIdleCallback: (cb: () => void) => idle.push(cb), cancelIdleCallback: () => {} } as unknown as Window;
      const screen = (name: string, warm?: () => void) =>
        deferredScreen(async () => {
          order.push(`load ${name}`);
          return { default: Counter, warm: warm ?? (() => order.push(`warm ${name}`)) };
        });
      const broken = screen('b', () => {
        throw new Error('warming failed');
      });
      const stop = preloadWhenIdle([screen('a'), broken, screen('c')], 1000, w, (i) => order.push(`warmed ${i}`));
      await vi.advanceTimersByTimeAsync(999);
      expect(idle).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      const runIdle = async () => {
        const cb = idle.shift();
        cb?.();
        await vi.advanceTimersByTimeAsync(0);
        return cb !== undefined;
      };
      await runIdle();
      expect(order).toEqual(['load a']);
      await runIdle();
      expect(order).toEqual(['load a', 'warm a', 'warmed 0']);
      await runIdle();
      await runIdle(); // b's warm-up throws: b is not reported warmed; the next screen still loads.
      await runIdle();
      expect(order).toEqual(['load a', 'warm a', 'warmed 0', 'load b', 'load c']);
      stop();
      await runIdle();
      expect(order).toEqual(['load a', 'warm a', 'warmed 0', 'load b', 'load c']);
      expect(await runIdle()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
