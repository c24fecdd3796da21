/**
 * The browser tests' hooks (`window.__zo`, src/ui/dev/) exist only in test builds (`vite build
 * --mode e2e`) and on the dev server: the condition is a constant, so the production build drops the
 * import and the hooks with it (tests/e2e/bundle.test.ts checks the built bundle).
 */
export function installTestHooks(): void {
  if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') void import('../dev/zoTestHooks').then((m) => m.installZoTestHooks());
}
