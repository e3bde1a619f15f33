import { createContext, useContext } from 'react';

/**
 * Whether the screen this component sits in is the one shown. Some screens stay mounted, hidden, once opened
 * (App.tsx): a hidden quiz must not answer the number keys typed on another screen. The review's question
 * and flashcard views read it too, so they stay safe wherever they are kept.
 */
export const ScreenActive = createContext(true);

export function useScreenActive(): boolean {
  return useContext(ScreenActive);
}
