import { useStore } from '../store';
import type { Theme } from '../store/uiSlice';

/**
 * Light or dark: <html data-theme> is the toggle's choice, remembered in this browser, or by default
 * the system's (prefers-color-scheme, followed as it changes). The stylesheet reads only data-theme.
 */
const KEY = 'zo-theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme === 'system' ? (systemDark.matches ? 'dark' : 'light') : theme;
}

function remembered(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export function startThemeSync(): () => void {
  useStore.getState().setTheme(remembered());
  apply(useStore.getState().theme);
  const followSystem = () => apply(useStore.getState().theme);
  systemDark.addEventListener('change', followSystem);
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    apply(s.theme);
    try {
      if (s.theme === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, s.theme);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  });
  return () => {
    unsubscribe();
    systemDark.removeEventListener('change', followSystem);
  };
}
