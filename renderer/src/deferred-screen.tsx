import { lazy, type ComponentType } from 'react';

/** What a screen's module gives: the screen, and optionally work its first showing would otherwise do
 *  (building data, rendering content) that can be done ahead. */
export interface ScreenModule {
  default: ComponentType;
  warm?: () => void;
}

export interface DeferredScreen {
  Screen: ComponentType;
  /** Loads the module (once) and, in a later idle moment, runs its `warm`. */
  preload: () => Promise<ScreenModule>;
}

/**
 * A screen whose code loads on demand (keeping the first paint light) and can be loaded ahead while the page
 * is idle, so a first visit neither waits for code nor drops frames evaluating it.
 *
 * React.lazy suspends on its first render even when the module has already arrived, which would flash the
 * fallback; a screen rendered after its module loaded uses the module's component directly. A screen that
 * suspended is rendered afresh when its module arrives (React keeps nothing of a render that suspended), so
 * a mounted screen never switches path and never loses its state (the simulator holds its worker).
 */
export function deferredScreen(load: () => Promise<ScreenModule>): DeferredScreen {
  let loaded: ScreenModule | undefined;
  let loading: Promise<ScreenModule> | undefined;
  // A load that failed is not kept: the next preload, or the screen when opened, tries again.
  const preload = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m;
        return m;
      },
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    ));
  const Lazy = lazy(preload);
  function Screen() {
    const Loaded = loaded?.default;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Screen, preload };
}
