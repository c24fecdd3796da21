import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunConfigSchema, type RunConfig } from '../../src/core/config';
import { parseCsv } from '../../src/core/csv';
import type { RunJson } from '../../src/ui/exporters';
import { formatNumber } from '../../src/ui/format';
import { csv, launch, openApp, state, waitChartDrawn, waitDone, withoutWall } from './browser';

/**
 * The playground experience: live tweaks marked and replayed, chart settings, seeds, sweeps,
 * presets, exports, keyboard, and screenshots of the main views (into test-results/, not git).
 * Runs are short and mostly on the quadratic (cheap on SwiftShader) or on the cpu backend.
 */

const SHOTS = 'test-results/experience';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

type Zo = {
  __zo: {
    getConfig(): RunConfig;
    getJson(): string;
    getState(): { step: number; playing: boolean };
    pendingLiveChanges(): number;
    commandsSent(): number;
  };
};
const config = (page: Page) => page.evaluate(() => (window as unknown as Zo).__zo.getConfig());
const commandsSent = (page: Page) => page.evaluate(() => (window as unknown as Zo).__zo.commandsSent());
const waitStep = (page: Page, atLeast: number) =>
  page.waitForFunction((n) => (window as unknown as Zo).__zo.getState().step >= n, atLeast, { timeout: 120_000, polling: 100 });
const pathD = (page: Page, selector: string) => page.locator(`${selector} path.recharts-curve`).first().getAttribute('d');

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync((await file.path())!);
}

/** Decode a PNG in the page (img-src allows data:) and count its distinct colours on a grid of samples. */
async function pngStats(page: Page, png: Buffer): Promise<{ width: number; height: number; colours: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    const stride = Math.max(1, Math.floor(data.length / 4 / 20000));
    for (let p = 0; p < data.length / 4; p += stride) seen.add((data[4 * p] << 16) | (data[4 * p + 1] << 8) | data[4 * p + 2]);
    return { width: img.naturalWidth, height: img.naturalHeight, colours: seen.size };
  }, png.toString('base64'));
}

async function screenshotNotBlank(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const stats = await pngStats(page, png);
  expect(stats.colours, `${name} looks blank`).toBeGreaterThan(40);
}

describe('playground experience in Chromium', () => {
  it('a mid-run slider change is marked on the chart and the link replays it exactly', async () => {
    // The cpu backend keeps this one quick (the skeleton test replays a link on WebGPU); enough steps
    // that the run is still going when the pause lands.
    const hash = '#v=1&task=quadratic&t.d=50&seed=5&steps=1000&eval=10&backend=cpu&lane=zo-sgd:lr=0.002,eps=0.001,q=1&lane=sgd:lr=0.05';
    const { page, errors } = await openApp(browser, hash);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 15);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => !(window as unknown as Zo).__zo.getState().playing);
    const at = (await state(page)).step + 1;
    const slider = page.getByLabel('Lane 1 learning rate η');
    await slider.focus();
    for (let i = 0; i < 40; i++) await slider.press('ArrowLeft');
    // The drag's last (throttled) value reaches the worker and comes back recorded in the schedule.
    await page.waitForFunction(() => (window as unknown as Zo).__zo.pendingLiveChanges() === 0, null, { polling: 100 });
    await page.getByText('1 live change recorded').waitFor();
    const [entry] = (await config(page)).schedule;
    expect(entry).toMatchObject({ step: at, lane: 0, name: 'lr' });
    expect(entry.value).toBeLessThan(0.002);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    expect((await config(page)).schedule).toEqual([entry]);
    const chart = page.getByTestId('loss-chart');
    await expect(chart.locator('g.mark-0').count()).resolves.toBe(1);
    await chart.getByText(`lr → ${formatNumber(entry.value)}`).waitFor();
    const first = await csv(page);
    const link = await page.getByLabel('Share link').inputValue();
    expect(link).toContain(`at=${at}:0:lr=`);
    expect(errors).toEqual([]);
    await page.close();

    const { page: replay } = await openApp(browser, new URL(link).hash);
    await waitDone(replay);
    expect(withoutWall(await csv(replay))).toBe(withoutWall(first));
    await expect(replay.locator('[data-testid=loss-chart] g.mark-0').count()).resolves.toBe(1);
    await replay.close();
  });

  it('smoothing, axes, legend and hover change what is drawn; diagnostics are drawn when on', async () => {
    const hash = '#v=1&task=spiral&seed=2&steps=60&eval=10&backend=cpu&lane=zo-sgd:lr=0.05&lane=adam:lr=0.03';
    const { page, errors } = await openApp(browser, hash);
    await page.getByTestId('diagnostics-lane-0').check();
    expect((await config(page)).lanes[0].diagnostics).toBe(true);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    await waitChartDrawn(page, [0, 1]); // the last throttled redraw
    const chart = page.getByTestId('loss-chart');
    // Diagnostics on lane 1: cos(ĝ, ∇L) drawn in its panel, and the link says so.
    await page.getByTestId('diagnostics-panel').locator('path.recharts-curve').waitFor();
    await expect(page.getByLabel('Share link').inputValue()).resolves.toMatch(/lane=zo-sgd:[^&]*diag=1/);
    const raw = await pathD(page, '[data-testid=loss-chart] .curve-raw-0');
    expect(raw).toBeTruthy();
    await expect(chart.locator('.curve-ema-0').count()).resolves.toBe(0);

    await page.getByLabel('Smoothing').fill('0.9');
    await chart.locator('.curve-ema-0 path.recharts-curve').waitFor();
    await expect(chart.locator('.curve-raw-0 path.recharts-curve').getAttribute('stroke-opacity')).resolves.toBe('0.2');

    await page.getByLabel('X axis').selectOption('forwardPasses');
    await chart.getByText('forward passes').waitFor();
    await expect(pathD(page, '[data-testid=loss-chart] .curve-raw-0')).resolves.not.toBe(raw);
    const logD = await pathD(page, '[data-testid=loss-chart] .curve-raw-1');
    await page.getByLabel('Y scale').selectOption('linear');
    await page.waitForFunction((d) => document.querySelector('[data-testid=loss-chart] .curve-raw-1 path.recharts-curve')?.getAttribute('d') !== d, logD);

    await page.getByTestId('legend-lane-1').click();
    await expect(chart.locator('.curve-raw-1').count()).resolves.toBe(0);
    await expect(page.getByTestId('speed-chart').locator('.speed-1').count()).resolves.toBe(0);
    await page.getByTestId('legend-lane-1').click();
    await chart.locator('.curve-raw-1').waitFor();

    // Hovering the loss chart moves the cursor and the readouts of both charts.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(page.getByTestId('loss-readout').textContent()).resolves.toMatch(/^forward passes \d/);
    const cursor = page.getByTestId('speed-chart').locator('.hover-layer line');
    await cursor.waitFor({ state: 'attached' });
    expect(Number(await cursor.getAttribute('x1'))).toBeGreaterThan(64);
    await expect(page.getByTestId('speed-readout').textContent()).resolves.toMatch(/ms\/step/);
    await screenshotNotBlank(page, 'main-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('several seeds per lane draw a mean curve inside a band; a diverged lane is marked', async () => {
    const hash = '#v=1&task=quadratic&t.d=20&seed=1&steps=40&eval=10&lane=zo-sgd:lr=0.01&lane=sgd:lr=0.1&lane=sgd:lr=1';
    const { page, errors } = await openApp(browser, hash);
    await page.getByLabel('Seeds').selectOption('3');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    await page.getByTestId('replicas-status').getByText('2/2 extra seeds done').waitFor({ timeout: 120_000 });
    const chart = page.getByTestId('loss-chart');
    await chart.locator('.band-0 path').first().waitFor();
    await expect(chart.locator('.seed-mean-0 path.recharts-curve').count()).resolves.toBe(1);
    const area = await chart.locator('.band-0 path').first().getAttribute('d');
    expect(area?.length ?? 0).toBeGreaterThan(50);
    // Lane 3 (gradient descent with η = 1 > 2/κ) blows up: its status and a labelled marker say where.
    const status = (await page.getByTestId('lane-status-2').textContent())!;
    const at = /^diverged at step (\d+)/.exec(status)?.[1];
    expect(at, status).toBeDefined();
    await expect(chart.locator('g.diverged-2').count()).resolves.toBe(1);
    await chart.getByText(`diverged @ ${at}`).waitFor();
    const paths = await chart.locator('path.recharts-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    expect(paths.some((d) => /NaN|Infinity/.test(d))).toBe(false);
    // The JSON export carries the extra seeds too, each a full run of the same config.
    const json = JSON.parse(await page.evaluate(() => (window as unknown as Zo).__zo.getJson())) as RunJson;
    expect(json.replicas.map((r) => [r.seed, r.done, r.lanes[0].trainLoss.length])).toEqual([
      [2, true, 40],
      [3, true, 40],
    ]);
    expect(json.replicas[0].lanes[0].trainLoss).not.toEqual(json.lanes[0].trainLoss);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 2×2 sweep completes and a clicked cell opens exactly that run', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=20&seed=4&steps=200&eval=5&lane=zo-sgd:lr=0.01,eps=0.001,q=1');
    const fill = async (label: string, value: string) => {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Enter');
    };
    // A task setting can be the second axis too (lr × d: the curse of dimension in one grid).
    await page.getByLabel('Second axis').selectOption('t.d');
    await expect(page.getByLabel('task d from', { exact: true }).inputValue()).resolves.toBe('2');
    await page.getByLabel('Second axis').selectOption('eps');
    await fill('Sweep steps', '20');
    await fill('lr from', '0.002');
    await fill('lr to', '0.02');
    await fill('lr values', '2');
    await fill('eps from', '0.0001');
    await fill('eps to', '0.01');
    await fill('eps values', '2');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.getByTestId('sweep-progress').getByText('4 / 4 cells').waitFor({ timeout: 120_000 });
    const cell = page.getByTestId('sweep-cell-1-0');
    await expect(cell.getAttribute('data-status')).resolves.toBe('done');
    const cellLoss = Number(await cell.getAttribute('data-final-loss'));
    expect(Number.isFinite(cellLoss)).toBe(true);
    await screenshotNotBlank(page, 'sweep');

    await cell.click();
    await waitDone(page);
    const opened = await config(page);
    expect(opened.lanes).toHaveLength(1);
    expect(opened.lanes[0].hyper).toMatchObject({ lr: 0.02, eps: 0.0001 });
    expect(opened.steps).toBe(20);
    const rows = parseCsv(await csv(page));
    expect(rows).toHaveLength(20);
    expect(rows[rows.length - 1].evalLoss).toBe(cellLoss);
    await expect(cell.getAttribute('aria-current')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every preset loads, explains itself and runs', async () => {
    const { page, errors } = await openApp(browser);
    const menu = page.getByTestId('preset-menu');
    const ids = (await menu.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) {
      await menu.selectOption(id);
      const title = (await menu.locator(`option[value="${id}"]`).textContent())!;
      await page.getByTestId('preset-note').getByText(title).waitFor();
      await page.waitForFunction(() => (window as unknown as Zo).__zo.getState().step >= 2, null, { timeout: 120_000, polling: 100 });
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(page.url(), id).toContain('#v=1&task=');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports CSV, JSON, PNG and a PyTorch script, each a valid file', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=30&seed=1&steps=30&eval=10&lane=zo-sgd:lr=0.005&lane=sgd:lr=0.1');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    await waitChartDrawn(page, [0, 1]); // the PNG shows the finished curves

    const rows = parseCsv((await download(page, 'Export CSV')).toString());
    expect(rows).toHaveLength(60);

    const json = JSON.parse((await download(page, 'Export JSON')).toString());
    const parsed = RunConfigSchema.safeParse(json.config);
    expect(parsed.success).toBe(true);
    expect(json.lanes.map((l: { trainLoss: number[] }) => l.trainLoss.length)).toEqual([30, 30]);

    const png = await download(page, 'Export PNG');
    writeFileSync(`${SHOTS}/exported-charts.png`, png);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(1000); // charts at 2× scale
    expect(height).toBeGreaterThan(800);
    const decoded = await pngStats(page, png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(decoded.colours).toBeGreaterThan(20);

    const py = await download(page, 'Export PyTorch script');
    expect(py.toString()).toContain('torch.manual_seed(seed)');
    const file = `${SHOTS}/exported.py`;
    writeFileSync(file, py);
    execFileSync('python3', ['-m', 'py_compile', file]);
    expect(errors).toEqual([]);
    await page.close();

    // A task with data: the page fetches the digits from its origin and the script embeds them.
    const digits = await openApp(browser, '#v=1&task=digits-mlp&t.train=100&seed=1&steps=10&lane=zo-sgd');
    const digitsPy = (await download(digits.page, 'Export PyTorch script')).toString();
    expect(digitsPy).toContain('DIGITS = """');
    const digitsFile = `${SHOTS}/exported-digits.py`;
    writeFileSync(digitsFile, digitsPy);
    execFileSync('python3', ['-m', 'py_compile', digitsFile]);
    expect(digits.errors).toEqual([]);
    await digits.page.close();
  });

  it('keyboard: space plays and pauses, S steps, R resets, and typing in a field is left alone', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=10&steps=500&eval=10');
    await expect(page.getByTestId('key-hints').isVisible()).resolves.toBe(true);
    const step = async () => (await state(page)).step;
    await page.keyboard.press('s');
    await waitStep(page, 1);
    await page.keyboard.press('s');
    await waitStep(page, 2);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window as unknown as Zo).__zo.getState().playing);
    await waitStep(page, 5);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !(window as unknown as Zo).__zo.getState().playing);
    expect(await step()).toBeGreaterThan(2);
    await page.keyboard.press('r');
    await page.waitForFunction(() => (window as unknown as Zo).__zo.getState().step === 0);

    await page.getByLabel('Seed', { exact: true }).focus();
    const sent = await commandsSent(page);
    await page.keyboard.press('s');
    await page.keyboard.press('Space');
    // Keys are handled as they are pressed: a shortcut that acted would have sent the worker a command.
    expect(await commandsSent(page)).toBe(sent);
    expect(await step()).toBe(0);
    expect((await state(page)).playing).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out at tablet width and in the dark theme, not blank', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=20&steps=30&eval=10&run=1');
    await waitDone(page);
    await page.setViewportSize({ width: 820, height: 1180 });
    // The charts have been measured and drawn again at the new width (an svg is styled to fill its
    // box; its width attribute is the width the chart last measured and drew at).
    await page.waitForFunction(
      () => {
        const surfaces = [...document.querySelectorAll('.recharts-wrapper svg.recharts-surface')];
        const redrawn = (svg: Element) => Math.abs(Number(svg.getAttribute('width')) - svg.getBoundingClientRect().width) < 1;
        return document.documentElement.clientWidth <= 820 && surfaces.length >= 2 && surfaces.every(redrawn);
      },
      null,
      { polling: 100 },
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotNotBlank(page, 'tablet-820');
    // By default the page follows the system's colour scheme, also when it changes.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.getByLabel('Theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 18, 24)');
    await screenshotNotBlank(page, 'dark-820');
    expect(errors).toEqual([]);
    await page.close();
  });
});
