import { useEffect } from 'react';
import { useApp } from './app-store';

/** Applies the chosen theme to <html data-theme>, following the system while the setting is "system". */
export function useThemeEffect(): void {
  const theme = useApp((s) => s.settings.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
