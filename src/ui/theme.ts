import { useStore } from './store';
import type { Theme } from './store/uiSlice';

/**
 * Light or dark: by default the system's (prefers-color-scheme, handled in CSS); a choice in the
 * toggle sets <html data-theme> and is remembered in this browser.
 */
const KEY = 'zo-theme';

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
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
  return useStore.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    apply(s.theme);
    try {
      if (s.theme === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, s.theme);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  });
}
