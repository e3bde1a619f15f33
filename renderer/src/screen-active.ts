import { createContext, useContext } from 'react';

/**
 * Whether the screen this component sits in is the one shown. Screens stay mounted, hidden, once opened
 * (App.tsx): a hidden quiz or review session must not answer the number keys typed on another screen.
 */
export const ScreenActive = createContext(true);

export function useScreenActive(): boolean {
  return useContext(ScreenActive);
}
