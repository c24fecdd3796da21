import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromJson } from '../../src/export/json';
import { parseCsv } from '../../src/export/csv';
import { csv, launch, openApp, state, waitChartDrawn, waitDone } from './browser';
import { SHOTS, commandsSent, config, download, pngStats, screenshotNotBlank, showPanel, waitStep, type Zo } from './pageHelpers';

/**
 * The playground experience: sweeps, presets, exports, keyboard, and screenshots of the main views
 * (into test-results/, not git). Runs are short and mostly on the quadratic (cheap on SwiftShader).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('playground experience in Chromium', () => {
  it('a 2×2 sweep completes and a clicked cell opens exactly that run', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=20&seed=4&steps=200&eval=5&lane=zo-sgd:lr=0.01,eps=0.001,q=1');
    const fill = async (label: string, value: string) => {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Enter');
    };
    await showPanel(page, 'Sweep');
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
      // A short preset may already be done on a fast backend (auto picks by measurement): pause it if not.
      await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause')?.click());
      await page.waitForFunction(() => !(window as unknown as Zo).__zo.getState().playing, null, { timeout: 30_000, polling: 100 });
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
    expect(configFromJson(json.config)).toMatchObject({ task: { id: 'quadratic' }, lanes: [{ optimizer: 'zo-sgd' }, { optimizer: 'sgd' }] });
    expect(json.lanes.map((l: { trainLoss: number[] }) => l.trainLoss.length)).toEqual([30, 30]);

    const png = await download(page, 'Export PNG');
    writeFileSync(`${SHOTS}/exported-charts.png`, png);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // The charts at 2× scale: at least twice the loss chart's drawing on the page.
    const chartWidth = await page.locator('[data-testid=loss-chart] svg.recharts-surface').first().evaluate((el) => el.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(400);
    expect(width).toBeGreaterThanOrEqual(2 * Math.floor(chartWidth) - 4);
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
        // The charts on screen (those in a hidden tab have no box until their tab is shown).
        const surfaces = [...document.querySelectorAll('.recharts-wrapper svg.recharts-surface')].filter((svg) => svg.getClientRects().length > 0);
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
