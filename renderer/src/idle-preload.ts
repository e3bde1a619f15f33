import type { DeferredScreen } from './deferred-screen';

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/**
 * Loads the screens' code one at a time, each in an idle moment after `delayMs` (so the first screen's own
 * work and the learner's first clicks come first), then each module's warm-up in another idle moment, then
 * tells `warmed` (in that same moment) which screen is ready. Returns a function that stops what has not started.
 */
export function preloadWhenIdle(screens: readonly DeferredScreen[], delayMs: number, w: IdleWindow = window, warmed?: (index: number) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const whenIdle = (fn: () => void) => {
    if (stopped) return;
    if (w.requestIdleCallback) idle = w.requestIdleCallback(fn, { timeout: 5000 });
    else timer = setTimeout(fn, 50);
  };
  const step = (i: number) => {
    const s = screens[i];
    if (!s || stopped) return;
    whenIdle(() => {
      void s.preload().then(
        (m) => whenIdle(() => {
          try {
            if (!stopped) {
              m.warm?.();
              warmed?.(i);
            }
          } catch {
            // Warming is only a head start: the screen does the same work, and shows any error, when opened.
          }
          step(i + 1);
        }),
        // A chunk that fails to load now is loaded (and its error shown) when the learner opens the screen.
        () => step(i + 1),
      );
    });
  };
  timer = setTimeout(() => step(0), delayMs);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) w.cancelIdleCallback?.(idle);
  };
}
