import { useEffect } from 'react';
import { useStore } from '../store';
import { reset, stepOnce, togglePlay } from './runActions';

const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color']);
const PRESSED_BY_SPACE = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Where typing must not trigger shortcuts (text fields, selects, editable content). */
function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !NOT_TEXT.has(t.type);
}

/** Controls that Space presses by itself (a button, a link, a checkbox). */
function pressedBySpace(t: EventTarget | null): boolean {
  if (t instanceof HTMLButtonElement || t instanceof HTMLAnchorElement) return true;
  return t instanceof HTMLInputElement && PRESSED_BY_SPACE.has(t.type);
}

/**
 * Space: play/pause, S: one step, R: reset. Ignored while typing in a field or with a modifier;
 * Space on a focused button, link or checkbox keeps its own meaning (pressing that control).
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = useStore.getState();
      const started = s.backend !== null;
      if (e.key === ' ') {
        if (pressedBySpace(e.target)) return;
        e.preventDefault();
        if (started && !(s.done && !s.playing)) togglePlay();
      } else if (e.key === 's' || e.key === 'S') {
        if (started && !s.playing && !s.done) stepOnce();
      } else if (e.key === 'r' || e.key === 'R') {
        reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
