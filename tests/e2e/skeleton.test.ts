import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv';
import { defaultConfig, defaultLane } from '../../src/core/run/config';
import { formatBytes } from '../../src/ui/shared/format';
import { csv, launch, notices, openApp, state, waitDone, withoutWall } from './browser';
import { ZO_NODE_ARGS } from '../cli/zo';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Mean train loss of a lane over its first and last `k` recorded steps. */
function firstAndLast(text: string, lane: number, k = 10): [number, number] {
  const rows = parseCsv(text).filter((r) => r.lane === lane);
  const mean = (xs: typeof rows) => xs.reduce((a, r) => a + r.trainLoss, 0) / xs.length;
  return [mean(rows.slice(0, k)), mean(rows.slice(-k))];
}

function runCli(hash: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zo-cli-'));
  const out = join(dir, 'out.csv');
  execFileSync(process.execPath, [...ZO_NODE_ARGS, hash, '--csv', out], { stdio: 'pipe', timeout: 120_000 });
  return readFileSync(out, 'utf8');
}

describe('walking skeleton in Chromium', () => {
  it('opens on the default run, on the backend its probe measured fastest, ready to play', async () => {
    const { page, errors } = await openApp(browser);
    const s = await state(page);
    expect(s.step).toBe(0);
    expect(s.numParams).toBeGreaterThan(0);
    // backend=auto: the badge names the backend that runs and what the probe measured (speed.test.ts checks the choice).
    await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(new RegExp(`^${s.backend} · fastest on this run .*steps/s`));
    await expect(page.getByRole('button', { name: 'Play' }).isEnabled()).resolves.toBe(true);
    expect(page.url()).toContain('#v=1&task=spiral');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Play streams both curves and both losses fall; Pause, Step and Reset work', async () => {
    const { page, errors } = await openApp(browser, '#v=1&steps=120&eval=20');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { __zo: { seriesLength(l: number): number } }).__zo.seriesLength(1) >= 20);
    // Curves are drawn while the run goes on: one path per lane in the loss chart.
    const lines = await page.getByTestId('loss-chart').locator('path.recharts-curve').count();
    expect(lines).toBeGreaterThanOrEqual(2);
    await waitDone(page);
    const text = await csv(page);
    for (const lane of [0, 1]) {
      const [first, last] = firstAndLast(text, lane);
      expect(last).toBeLessThan(first);
    }
    expect(errors).toEqual([]);

    // Reset clears the run; Step advances every lane by exactly one step.
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => (window as unknown as { __zo: { getState(): { step: number } } }).__zo.getState().step === 0);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => (window as unknown as { __zo: { seriesLength(l: number): number } }).__zo.seriesLength(1) === 1);
    const after = parseCsv(await csv(page));
    expect(after.map((r) => [r.lane, r.step])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    await page.close();
  });

  it('the copied share link replays the run: identical CSV in every column but wall_ms', async () => {
    const { page } = await openApp(browser, '#v=1&steps=40&eval=10&seed=7');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    const first = await csv(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    expect(link).toContain('run=1');
    await page.close();

    const { page: replay } = await openApp(browser, new URL(link).hash);
    await waitDone(replay);
    const second = await csv(replay);
    expect(parseCsv(second)).toHaveLength(80);
    expect(withoutWall(second)).toBe(withoutWall(first));
    await replay.close();
  });

  it('a mangled link shows a notice and still runs', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=spirl&lane=zo-sgd:lr=banana&steps=15&bogus=<b>x</b>&run=1');
    const list = await notices(page);
    const task = defaultConfig().task.id;
    expect(list.join('\n')).toContain(`Unknown task 'spirl'; the default task, '${task}', is loaded instead.`);
    // The notice names the rate the lane then runs with (the task's suggested one, not the spec's default).
    expect(list.join('\n')).toContain(`lr: 'banana' is not a number; using ${defaultLane('zo-sgd', task).hyper.lr}.`);
    const banner = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'not a number' });
    await expect(banner.first().isVisible()).resolves.toBe(true);
    // Link contents are shown as text, never as HTML.
    await expect(page.locator('b', { hasText: 'x' }).count()).resolves.toBe(0);
    await waitDone(page);
    // One lane (the link names one), 15 steps.
    expect(parseCsv(await csv(page)).length).toBe(15);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the CLI reproduces the browser CSV exactly on cpu, and closely on WebGPU', async () => {
    const hash = '#v=1&steps=25&eval=5&seed=3&backend=cpu';
    const { page } = await openApp(browser, hash + '&run=1');
    expect((await state(page)).backend).toBe('cpu');
    await waitDone(page);
    const browserCpu = await csv(page);
    await page.close();
    const cli = runCli(hash);
    expect(withoutWall(cli)).toBe(withoutWall(browserCpu));

    const gpuHash = hash.replace('backend=cpu', 'backend=webgpu');
    const gpu = await openApp(browser, gpuHash + '&run=1');
    expect((await state(gpu.page)).backend).toBe('webgpu');
    await waitDone(gpu.page);
    const browserGpu = parseCsv(await csv(gpu.page));
    await gpu.page.close();
    const cliRows = parseCsv(cli);
    expect(browserGpu).toHaveLength(cliRows.length);
    browserGpu.forEach((r, i) => {
      expect(r.step).toBe(cliRows[i].step);
      expect(Math.abs(r.trainLoss - cliRows[i].trainLoss)).toBeLessThan(1e-3 * Math.max(1, cliRows[i].trainLoss));
    });
  });

  it('the CLI reproduces the browser CSV exactly on wasm (the CLI default), on a cross-origin-isolated page', async () => {
    const hash = '#v=1&steps=10&eval=5&seed=3&backend=wasm';
    const { page, errors } = await openApp(browser, hash + '&run=1');
    expect((await state(page)).backend).toBe('wasm');
    await expect(page.getByLabel('Backend').inputValue()).resolves.toBe('wasm'); // the picker shows the pin
    // COOP + COEP from the server (vite.config.ts): SharedArrayBuffer, hence the threaded binary.
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(true);
    await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(/^wasm · pinned .* · SIMD · \d+ threads?$/);
    await waitDone(page);
    // The memory panel says what the lanes' tensor bytes cannot: the one WebAssembly heap they share.
    await expect(page.getByTestId('memory-heap').textContent()).resolves.toMatch(/^WebAssembly memory: [\d.]+ [kM]B for all lanes/);
    // The direction cache: one float32 per parameter of the model (the spiral MLP's), shared by the lanes.
    const numParams = (await state(page)).numParams;
    await expect(page.getByTestId('memory-direction-cache').textContent()).resolves.toContain(`Direction cache: ${formatBytes(4 * numParams)} `);
    const browserWasm = await csv(page);
    expect(errors).toEqual([]);
    await page.close();
    const cli = runCli(hash.replace('&backend=wasm', '')); // no backend in the link: the CLI's default
    expect(parseCsv(cli)).toHaveLength(20);
    expect(withoutWall(cli)).toBe(withoutWall(browserWasm));
  });
});
