import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_OUT_DIR } from '../../vite.config';

/**
 * What the two builds `npm run test:e2e` has just made contain (this file builds nothing): the
 * production site (dist/) carries none of the test machinery, the test build (dist-e2e/) all of it,
 * and both carry the Content-Security-Policy.
 */

const BUILDS = { production: 'dist', e2e: E2E_OUT_DIR } as const;

/**
 * Something each piece of test machinery cannot do without (property names, message types and
 * messages survive minifying). `__zo` is quoted: zod's globals (`__zod_globalConfig`) contain it.
 */
const DEV_MARKERS: Record<string, RegExp> = {
  'the window.__zo test hooks': /["'`]__zo["'`]/,
  'fault injection': /Injected fault: the worker threw/,
  'the kernel self-test': /selfTest/,
  'the in-browser bench': /naiveOverOurs/,
};

function javascript(dir: string): string {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/ is missing: run 'npm run build && npm run build:e2e' (npm run test:e2e does).`);
  const files = readdirSync(join(dir, 'assets'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(1);
  return files.map((f) => readFileSync(join(dir, 'assets', f), 'utf8')).join('\n');
}

describe('built bundles', () => {
  it('the production build carries no test hooks, fault injection, self-test or bench', () => {
    const js = javascript(BUILDS.production);
    const leaked = Object.entries(DEV_MARKERS).filter(([, marker]) => marker.test(js));
    expect(leaked.map(([what]) => what)).toEqual([]);
  });

  it('the test build carries all of them (so the check above looks for strings that exist)', () => {
    const js = javascript(BUILDS.e2e);
    const missing = Object.entries(DEV_MARKERS).filter(([, marker]) => !marker.test(js));
    expect(missing.map(([what]) => what)).toEqual([]);
  });

  it.each(Object.entries(BUILDS))('the %s build carries the Content-Security-Policy', (_, dir) => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/); // 'wasm-unsafe-eval' only lets WebAssembly compile
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });
});
