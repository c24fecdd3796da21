import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv';
import { baseUrl, csv, launch, notices, openApp, state, waitDone, withoutWall } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Hooks = { __zo: { injectFault(f: string): void; getState(): { step: number; numTensors: number } } };
const inject = (page: Page, fault: string) => page.evaluate((f) => (window as unknown as Hooks).__zo.injectFault(f), fault);
const waitStep = (page: Page, step: number) =>
  page.waitForFunction((n) => (window as unknown as Hooks).__zo.getState().step >= n, step, { timeout: 120_000 });

describe('platform faults', () => {
  it('without WebGPU the worker falls back to WebGL, says why, and runs', async () => {
    const plain = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(plain, '#v=1&steps=10&run=1');
      const s = await state(page);
      expect(['webgl', 'wasm', 'cpu']).toContain(s.backend);
      const badge = await page.getByTestId('backend-badge').textContent();
      expect(badge).toMatch(/fell back: .*(WebGPU|navigator\.gpu)/);
      await waitDone(page);
      expect(parseCsv(await csv(page))).toHaveLength(20);
      expect(errors).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('a GPU device lost mid-run is recovered without a reload, and the run is unchanged', async () => {
    const hash = '#v=1&steps=30&eval=10&seed=5&backend=webgpu';
    const clean = await openApp(browser, hash + '&run=1');
    await waitDone(clean.page);
    const reference = await csv(clean.page);
    await clean.page.close();

    const { page, errors } = await openApp(browser, hash);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 8);
    await inject(page, 'lose-device');
    await waitDone(page);
    expect((await notices(page)).join('\n')).toMatch(/GPU device was lost at step \d+/);
    expect((await state(page)).backend).toBe('webgpu');
    // Rebuilt from config and seed: every column but wall time is what an undisturbed run gives.
    expect(withoutWall(await csv(page))).toBe(withoutWall(reference));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a worker that throws shows the error and a Restart that works', async () => {
    const { page } = await openApp(browser, '#v=1&steps=20');
    await inject(page, 'throw');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Injected fault');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForFunction(() => Boolean((window as unknown as { __zo: { getState(): { backend?: string } } }).__zo.getState().backend));
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    expect(parseCsv(await csv(page))).toHaveLength(40);
    await page.close();
  });

  it('a worker that hangs is noticed by the watchdog, and Restart brings the run back', async () => {
    const { page } = await openApp(browser, '#v=1&steps=400');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 2);
    await inject(page, 'hang');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor({ timeout: 40_000 });
    expect(await alert.textContent()).toContain('stopped answering');
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => (window as unknown as Hooks).__zo.getState().step === 1);
    await page.close();
  });
});

describe('numerical faults', () => {
  it('a diverging lane stops within 5 steps with its status, the other lane goes on, no NaN is drawn', async () => {
    const { page, errors } = await openApp(
      browser,
      '#v=1&task=quadratic&t.d=10&t.kappa=10&lane=sgd:lr=1&lane=sgd:lr=0.01&steps=60&eval=10&run=1',
    );
    await waitDone(page);
    const rows = parseCsv(await csv(page));
    const diverged = rows.filter((r) => r.lane === 0);
    const healthy = rows.filter((r) => r.lane === 1);
    expect(healthy).toHaveLength(60);
    const last = diverged.at(-1)!;
    expect(last.step).toBeLessThan(60);
    // Detection: the first step whose loss is non-finite or ≥ 1e4 × the first loss is the last row.
    const first = diverged[0].trainLoss;
    const firstBad = diverged.findIndex((r) => !Number.isFinite(r.trainLoss) || r.trainLoss > 1e4 * first);
    expect(firstBad).toBe(diverged.length - 1);
    const status = await page.getByTestId('lane-status-0').textContent();
    expect(status).toContain(`diverged at step ${last.step}`);
    const d = await page.getByTestId('loss-chart').locator('path.recharts-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    expect(d.join(' ')).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('security', () => {
  // The Content-Security-Policy of both builds is checked in bundle.test.ts.
  it('a full run makes requests to its own origin only and violates no CSP rule', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const violations: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(baseUrl() + '#v=1&steps=30&run=1');
    await waitDone(page);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const origin = new URL(baseUrl()).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('long runs', () => {
  it('100,000 steps: worker tensors flat, main-thread heap grows by no more than the series', async () => {
    const big = await launch({ webgpu: false, extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
    try {
      const { page } = await openApp(big, '#v=1&task=rosenbrock&lane=adam:lr=0.01&steps=100000&eval=1000&backend=cpu');
      const heap = () =>
        page.evaluate(() => {
          (window as unknown as { gc?: () => void }).gc?.();
          return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        });
      await page.getByRole('button', { name: 'Play' }).click();
      await waitStep(page, 10_000);
      const at10k = { heap: await heap(), tensors: (await state(page)).numTensors, step: (await state(page)).step };
      await waitDone(page, 600_000);
      const at100k = { heap: await heap(), tensors: (await state(page)).numTensors };
      const rows = 100_000 - at10k.step;
      // The series keeps every row for CSV export (a few float64 columns ≈ 64 B a row): allow that, twice, plus 8 MB.
      const budget = rows * 64 * 2 + 8 * 2 ** 20;
      console.log(
        `long run: heap ${(at10k.heap / 2 ** 20).toFixed(1)} MB at step ${at10k.step} → ${(at100k.heap / 2 ** 20).toFixed(1)} MB at 100k; ` +
          `worker tensors ${at10k.tensors} → ${at100k.tensors}`,
      );
      expect(at100k.tensors).toBe(at10k.tensors);
      expect(at100k.heap - at10k.heap).toBeLessThan(budget);
      const drawn = await page.getByTestId('loss-chart').locator('path.recharts-curve').first().getAttribute('d');
      expect((drawn ?? '').split(/[LM]/).length).toBeLessThanOrEqual(2100);
    } finally {
      await big.close();
    }
  }, 600_000);
});
