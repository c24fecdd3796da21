import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a headless test machine: no sandbox (CI runs as root), no background traffic or updates
 * (the tests' network is closed), no QUIC. WebGPU is added by `launch` (SwiftShader's software
 * adapter where there is no GPU; see README.md, "Performance").
 */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch(opts: { webgpu?: boolean; extraArgs?: string[] } = {}): Promise<Browser> {
  const args = [...BASE_ARGS, ...(opts.extraArgs ?? [])];
  if (opts.webgpu !== false) args.push('--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface AppState {
  playing: boolean;
  step: number;
  done: boolean;
  backend?: string;
  numParams: number;
  numTensors: number;
}

/**
 * Open the app at `hash` and wait until the worker reports a backend. Page errors fail the test.
 *
 * A navigation that has not loaded in 45 s is reported (which requests were still open, whether the
 * page's main thread answers) and tried once more on a fresh page: on CI, once in many runs, a new
 * page's `load` never came while every other page that run loaded in under a second. A page that
 * fails to load twice fails the test.
 */
export async function openApp(browser: Browser, hash = ''): Promise<{ page: Page; errors: string[] }> {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // SwiftShader shares two cores with the worker pool: waits for a redraw can pass Playwright's 30 s.
    page.setDefaultTimeout(90_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const open = new Set<string>();
    page.on('request', (r) => open.add(r.url()));
    const settle = (r: { url(): string }) => open.delete(r.url());
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    try {
      await page.goto(baseUrl() + hash, { timeout: attempt === 1 ? 45_000 : 90_000 });
    } catch (e) {
      if (attempt > 1) throw e;
      const readyState = await Promise.race([
        page.evaluate(() => document.readyState).catch((err: unknown) => `evaluate failed: ${String(err)}`),
        new Promise<string>((resolve) => setTimeout(() => resolve('no answer in 5 s'), 5_000)),
      ]);
      console.warn(
        `openApp: ${hash || '(default run)'} did not load (${String(e).split('\n')[0]}); ` +
          `document.readyState: ${readyState}; requests still open: ${[...open].join(', ') || 'none'}. Trying once more on a fresh page.`,
      );
      await page.close().catch(() => undefined);
      continue;
    }
    await page.waitForFunction(() => Boolean((window as unknown as { __zo?: { getState(): AppState } }).__zo?.getState().backend), null, {
      timeout: 60_000,
    });
    return { page, errors };
  }
}

export async function state(page: Page): Promise<AppState> {
  return page.evaluate(() => (window as unknown as { __zo: { getState(): AppState } }).__zo.getState());
}

export async function waitDone(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __zo: { getState(): AppState } }).__zo.getState().done, null, {
    timeout,
    polling: 250,
  });
}

/**
 * Wait until the loss chart has drawn every row the worker sent (its redraws are throttled): each
 * listed lane's train-loss curve has as many points as the lane's series. For runs shorter than the
 * chart's point budget (2,000), which draws them all.
 */
export async function waitChartDrawn(page: Page, lanes: number[]): Promise<void> {
  await page.waitForFunction(
    (laneIdxs) => {
      const zo = (window as unknown as { __zo: { seriesLength(lane: number): number } }).__zo;
      return laneIdxs.every((lane) => {
        const d = document.querySelector(`[data-testid=loss-chart] .curve-raw-${lane} path.recharts-curve`)?.getAttribute('d') ?? '';
        const points = d.split(/[ML]/).filter((x) => x.trim() !== '').length;
        return points > 0 && points === zo.seriesLength(lane);
      });
    },
    lanes,
    { polling: 100 },
  );
}

export async function csv(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __zo: { getCsv(): string } }).__zo.getCsv());
}

export async function notices(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __zo: { getNotices(): string[] } }).__zo.getNotices());
}

/** CSV text without the wall_ms column (the one column allowed to differ between runs). */
export function withoutWall(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(',').filter((_, i) => i !== 4).join(','))
    .join('\n');
}
