import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerSpec } from '../../src/core/optimizers/specs';
import type { RunJson } from '../../src/export/json';
import { formatNumber } from '../../src/ui/shared/format';
import { launch, notices, openApp, state, waitChartDrawn, waitDone } from './browser';
import { SHOTS, config, showPanel, waitStep, type Zo } from './pageHelpers';

/**
 * The defects a first visit found, each fixed and checked here: the sweep (history entry, cancel,
 * colour scale, parallel cells), the log axis, refused lanes, link repair, the view in the link,
 * export names, and the pictures and controls. Runs are short, mostly on the cpu backend.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

const inViewport = (page: Page, selector: string) =>
  page.waitForFunction((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r !== undefined && r.top >= -1 && r.top < window.innerHeight && r.bottom > 0;
  }, selector);

/** Tick labels of the loss chart's y axis, as numbers, bottom to top. */
const yTicks = (page: Page) =>
  page
    .locator('[data-testid=loss-chart] .recharts-yAxis-tick-labels text')
    .evaluateAll((ts) => ts.map((t) => Number(t.textContent)).sort((a, b) => a - b));

describe('defects found on a first visit', () => {
  it('sweep: cells run in parallel up to the core count; a clicked cell is a new history entry; Back returns', async () => {
    const origin = '#v=1&task=quadratic&t.d=20&seed=4&steps=200&eval=5&backend=cpu&lane=zo-sgd:lr=0.01,eps=0.001,q=1';
    const { page, errors } = await openApp(browser, origin);
    await showPanel(page, 'Sweep');
    const before = await config(page);
    await page.getByLabel('Second axis').selectOption('eps');
    await fill(page, 'Sweep steps', '150');
    await fill(page, 'lr from', '0.002');
    await fill(page, 'lr to', '0.02');
    await fill(page, 'lr values', '3');
    await fill(page, 'eps from', '0.0001');
    await fill(page, 'eps to', '0.01');
    await fill(page, 'eps values', '3');
    // Sample how many cells run at once while the sweep runs.
    await page.evaluate(() => {
      const w = window as unknown as { maxRunning: number };
      w.maxRunning = 0;
      setInterval(() => {
        w.maxRunning = Math.max(w.maxRunning, document.querySelectorAll('[data-testid=sweep-heatmap] [data-status=running]').length);
      }, 20);
    });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.getByTestId('sweep-progress').getByText('9 / 9 cells').waitFor({ timeout: 180_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const maxRunning = await page.evaluate(() => (window as unknown as { maxRunning: number }).maxRunning);
    expect(maxRunning).toBe(Math.min(cores, 9));
    await expect(page.getByText(`${Math.min(cores, 16)} at a time`, { exact: false }).count()).resolves.toBe(1);

    // The colour scale says what it shows: its ends are the lowest and highest final loss, and the spread.
    const losses = await page
      .locator('[data-testid=sweep-heatmap] [data-status=done]')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-final-loss'))));
    expect(losses.length).toBeGreaterThan(1);
    const [lo, hi] = [Math.min(...losses), Math.max(...losses)];
    const scale = page.getByTestId('sweep-scale');
    await expect(scale.locator('figcaption').textContent()).resolves.toMatch(/final loss \(log scale\)/);
    await expect(page.getByTestId('sweep-scale-min').textContent()).resolves.toBe(formatNumber(lo));
    await expect(page.getByTestId('sweep-scale-max').textContent()).resolves.toBe(formatNumber(hi));
    await expect(page.getByTestId('sweep-spread').textContent()).resolves.toMatch(/^spread (×|\d)/);

    const historyBefore = await page.evaluate(() => history.length);
    await page.evaluate(() => document.querySelector('[data-testid=sweep-panel]')?.scrollIntoView());
    const cell = page.getByTestId('sweep-cell-2-0');
    await cell.click();
    await waitDone(page);
    const opened = await config(page);
    expect(opened.lanes).toHaveLength(1);
    expect(opened.lanes[0].hyper).toMatchObject({ lr: 0.02, eps: 0.0001 });
    await expect(page.evaluate(() => history.length)).resolves.toBe(historyBefore + 1);
    expect(page.url()).toContain('lr=0.02');
    await inViewport(page, '[data-testid=loss-chart]');

    await page.goBack();
    await page.waitForFunction((lr) => (window as unknown as Zo).__zo.getConfig().lanes[0].hyper.lr === lr, before.lanes[0].hyper.lr);
    expect(await config(page)).toEqual(before);
    expect(page.url()).not.toContain('lr=0.02');
    // The sweep is still there, with its cells, where the page was when the cell was clicked.
    await expect(page.locator('[data-testid=sweep-heatmap] [data-status=done]').count()).resolves.toBe(losses.length);
    await inViewport(page, '[data-testid=sweep-heatmap]');
    await page.goForward();
    await page.waitForFunction(() => (window as unknown as Zo).__zo.getConfig().lanes[0].hyper.lr === 0.02);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sweep: cancelling marks the unfinished cells cancelled, not failed; near-equal cells are flagged', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=20&seed=4&steps=200&eval=5&backend=cpu&lane=zo-sgd:lr=0.001,eps=0.001,q=1');
    await showPanel(page, 'Sweep');
    await page.getByLabel('Second axis').selectOption('eps');
    await fill(page, 'Sweep steps', '50000');
    await fill(page, 'lr values', '2');
    await fill(page, 'eps values', '2');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.locator('[data-testid=sweep-heatmap] [data-status=running]').first().waitFor();
    await page.getByRole('button', { name: 'Cancel sweep' }).click();
    await page.getByTestId('sweep-progress').getByText(/^cancelled: \d \/ 4 cells finished$/).waitFor();
    const statuses = await page.locator('[data-testid=sweep-heatmap] .heat-cell').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-status')));
    expect(statuses).not.toContain('failed');
    expect(statuses).toContain('cancelled');
    await expect(page.locator('[data-testid=sweep-heatmap] [data-status=cancelled]').first().textContent()).resolves.toBe('cancelled');

    // Central differences are exact on a quadratic: ε changes (almost) nothing, and the scale says so.
    await fill(page, 'Sweep steps', '40');
    await fill(page, 'lr values', '1');
    await fill(page, 'eps from', '0.0001');
    await fill(page, 'eps to', '0.001');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.getByTestId('sweep-progress').getByText('2 / 2 cells').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('sweep-spread').textContent()).resolves.toMatch(/nearly the same loss, so the colours exaggerate/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('log y axis: a tick at every decade with the top labelled and a title; a curve reaching 0 is drawn at the floor and marked', async () => {
    // κ = 1: every curvature is 1, so gradient descent with η = 1 lands on the minimum in one step.
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=2&t.kappa=1&seed=1&steps=60&eval=10&backend=cpu&lane=sgd:lr=1&lane=adam:lr=0.05&run=1');
    await waitDone(page);
    await waitChartDrawn(page, [0, 1]);
    const chart = page.getByTestId('loss-chart');
    await chart.getByText('loss (log scale)').waitFor();
    const ticks = await yTicks(page);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] / ticks[i - 1]).toBeCloseTo(10, 6);
    const json = JSON.parse(await page.evaluate(() => (window as unknown as Zo).__zo.getJson())) as RunJson;
    const losses = json.lanes.flatMap((l) => l.trainLoss).filter((x): x is number => x !== null);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(Math.max(...losses));
    // Lane 1's losses of exactly 0 are kept (every step is drawn) and the first one is marked.
    expect(json.lanes[0].trainLoss.filter((x) => x === 0).length).toBeGreaterThan(0);
    await chart.locator('g.reaches-zero-0').waitFor();
    await chart.getByText(/^reached 0 @ \d+$/).waitFor();

    // A narrow range gets 1-2-5 ticks instead (Adam alone, late in the run).
    await page.getByTestId('legend-lane-0').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=loss-chart] g.reaches-zero-0').length === 0);
    const adamTicks = await yTicks(page);
    expect(adamTicks[adamTicks.length - 1]).toBeGreaterThanOrEqual(Math.max(...json.lanes[1].trainLoss.filter((x): x is number => x !== null)));
    await page.getByLabel('Y scale').selectOption('linear');
    await chart.getByText('loss', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lane its optimizer refuses is named in a banner at the top, and Play says why it is off', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=digits-mlp&steps=20&backend=cpu&lane=cma-es&lane=adam:lr=0.003');
    const banner = page.getByTestId('refused-banner');
    const max = optimizerSpec('cma-es').maxParams!;
    const numParams = (await state(page)).numParams;
    expect(numParams).toBeGreaterThan(max);
    await expect(banner.textContent()).resolves.toContain(
      `Lane 1 cannot run: CMA-ES (full covariance) refuses models over ${max} parameters and this one has ${numParams.toLocaleString('en-US')}`,
    );
    // The banner is above the panels, in view without scrolling.
    const box = (await banner.boundingBox())!;
    expect(box.y).toBeLessThan(300);
    // Another lane can still run: Play is on.
    await expect(page.getByRole('button', { name: 'Play' }).isEnabled()).resolves.toBe(true);
    await page.close();

    const only = await openApp(browser, '#v=1&task=digits-mlp&steps=20&backend=cpu&lane=cma-es');
    const play = only.page.getByRole('button', { name: 'Play' });
    await expect(play.isDisabled()).resolves.toBe(true);
    const reason = (await only.page.getByTestId('play-reason').textContent())!;
    expect(reason).toMatch(/no lane can run on this task/);
    await expect(play.getAttribute('title')).resolves.toBe(reason);
    await expect(play.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).resolves.toBe(reason);
    expect([...errors, ...only.errors]).toEqual([]);
    await only.page.close();
  });

  it('a link-repair notice names the value the lane then runs with', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=spiral&backend=cpu&lane=zo-sgd:lr=abc');
    const notice = (await notices(page)).find((n) => n.includes("'abc' is not a number"))!;
    const used = Number(/using ([\d.e-]+)\.$/.exec(notice)?.[1]);
    expect((await config(page)).lanes[0].hyper.lr).toBe(used);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the share link carries the x axis, y scale, smoothing and seeds; a link without them opens with the defaults', async () => {
    const hash = '#v=1&task=quadratic&t.d=20&seed=2&steps=30&eval=10&backend=cpu&lane=zo-sgd:lr=0.001&lane=sgd:lr=0.1';
    const { page, errors } = await openApp(browser, hash);
    await page.getByLabel('X axis').selectOption('forwardPasses');
    await page.getByLabel('Y scale').selectOption('linear');
    await page.getByLabel('Smoothing').fill('0.5');
    await page.getByLabel('Seeds').selectOption('2');
    const link = await page.getByLabel('Share link').inputValue();
    for (const part of ['x=passes', 'y=linear', 'smooth=0.5', 'seeds=2']) expect(link).toContain(`&${part}`);
    expect(page.url()).toContain('&x=passes');
    await page.close();

    const opened = await openApp(browser, new URL(link).hash);
    await expect(opened.page.getByLabel('X axis').inputValue()).resolves.toBe('forwardPasses');
    await expect(opened.page.getByLabel('Y scale').inputValue()).resolves.toBe('linear');
    await expect(opened.page.getByLabel('Smoothing').inputValue()).resolves.toBe('0.5');
    await expect(opened.page.getByLabel('Seeds').inputValue()).resolves.toBe('2');
    await waitDone(opened.page);
    await opened.page.getByTestId('replicas-status').getByText('1/1 extra seeds done').waitFor({ timeout: 120_000 });
    await opened.page.close();

    const old = await openApp(browser, hash);
    await expect(old.page.getByLabel('X axis').inputValue()).resolves.toBe('step');
    await expect(old.page.getByLabel('Y scale').inputValue()).resolves.toBe('log');
    await expect(old.page.getByLabel('Smoothing').inputValue()).resolves.toBe('0');
    await expect(old.page.getByLabel('Seeds').inputValue()).resolves.toBe('1');
    expect(await notices(old.page)).toEqual([]);
    expect([...errors, ...opened.errors, ...old.errors]).toEqual([]);
    await old.page.close();
  });

  it('exports are named after the task, lanes and time; JSON writes option names', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=20&seed=2&steps=10&eval=5&backend=cpu&lane=zo-sgd:lr=0.001,dist=rademacher&lane=sgd:lr=0.1&run=1');
    await waitDone(page);
    const save = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
      return file;
    };
    const csvFile = await save('Export CSV');
    expect(csvFile.suggestedFilename()).toMatch(/^zo-quadratic-zo-sgd\+sgd-\d{8}-\d{4}\.csv$/);
    const jsonFile = await save('Export JSON');
    expect(jsonFile.suggestedFilename()).toMatch(/^zo-quadratic-zo-sgd\+sgd-\d{8}-\d{4}\.json$/);
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync((await jsonFile.path())!, 'utf8')) as RunJson;
    expect(json.config.lanes[0].hyper.dist).toBe('rademacher');
    expect(json.config.lanes[0].hyper.mode).toBe('central');
    const pngFile = await save('Export PNG');
    expect(pngFile.suggestedFilename()).toMatch(/^zo-quadratic-zo-sgd\+sgd-\d{8}-\d{4}\.png$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the optimizer menu shows whole names; descriptions show no backticks; forward passes read as whole numbers', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=digits-mlp&steps=30&eval=10&backend=cpu&lane=sparse-mezo&lane=mezo-svrg&lane=zo-sgd:q=1');
    // The closed menu has room for its label: the label's width against the menu's inner width.
    const fits = await page.locator('.lane-head select').evaluateAll((selects) =>
      selects.map((el) => {
        const s = el as HTMLSelectElement;
        const style = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const label = s.options[s.selectedIndex].text;
        const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the arrow
        return { label, fits: ctx.measureText(label).width <= room };
      }),
    );
    expect(fits.map((f) => f.label)).toEqual(['Sparse-MeZO (small weights only)', 'MeZO-SVRG (variance-reduced)', 'ZO-SGD (MeZO)']);
    expect(fits.every((f) => f.fits), JSON.stringify(fits)).toBe(true);
    const description = (await page.getByTestId('app').locator('.sidebar .panel').first().locator('p.hint').first().textContent())!;
    expect(description).toContain('MNIST');
    expect(description).not.toContain('`');

    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    await waitChartDrawn(page, [0, 1, 2]);
    await page.getByLabel('X axis').selectOption('forwardPasses');
    const chart = page.getByTestId('loss-chart');
    const box = (await chart.boundingBox())!;
    for (const f of [0.31, 0.52, 0.77]) {
      await page.mouse.move(box.x + box.width * f, box.y + box.height * 0.5);
      await expect(page.locator('[data-testid=loss-readout] .readout-head').textContent()).resolves.toMatch(/^forward passes \d{1,3}(,\d{3})*$/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the confusion matrix labels its axes; the landscape has axes; every autoencoder lane has the same layout', async () => {
    const digits = await openApp(browser, '#v=1&task=digits-mlp&steps=3&backend=cpu&lane=adam:lr=0.003&lane=zo-sgd&run=1');
    await waitDone(digits.page);
    const matrices = digits.page.getByTestId('confusion');
    await matrices.first().waitFor();
    await expect(matrices.count()).resolves.toBe(2);
    for (const m of await matrices.all()) {
      await expect(m.getByText('guessed digit →').isVisible()).resolves.toBe(true);
      await expect(m.getByText('true digit →').isVisible()).resolves.toBe(true);
    }
    await digits.page.close();

    const land = await openApp(browser, '#v=1&task=rosenbrock&steps=20&backend=cpu&lane=adam:lr=0.05&run=1');
    await waitDone(land.page);
    const canvas = land.page.getByTestId('task-picture').locator('canvas');
    await land.page.locator('[data-testid=task-picture][data-step="20"]').waitFor();
    // Ink left of the map (y ticks and labels) and below it (x ticks and labels): the axes.
    const ink = await canvas.evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const ratio = el.width / el.clientWidth;
      const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      const inked = (x0: number, y0: number, x1: number, y1: number) => {
        let n = 0;
        for (let y = Math.round(y0 * ratio); y < Math.round(y1 * ratio); y++)
          for (let x = Math.round(x0 * ratio); x < Math.round(x1 * ratio); x++) if (data[4 * (y * el.width + x) + 3] > 0) n++;
        return n;
      };
      return { left: inked(0, 10, 36, el.clientHeight - 40), below: inked(50, el.clientHeight - 30, el.clientWidth - 20, el.clientHeight) };
    });
    expect(ink.left).toBeGreaterThan(20);
    expect(ink.below).toBeGreaterThan(20);
    await land.page.close();

    const ae = await openApp(browser, '#v=1&task=digit-autoencoder&steps=2&backend=cpu&lane=adam&lane=zo-sgd&lane=sgd&run=1');
    await waitDone(ae.page);
    const grid = ae.page.getByTestId('images-grid');
    await grid.waitFor();
    const lefts = await grid.locator('canvas').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(lefts).toHaveLength(1 + 2 * 3);
    expect(new Set(lefts).size).toBe(1);
    expect([...digits.errors, ...land.errors, ...ae.errors]).toEqual([]);
    await ae.page.close();
  });

  it('Pause responds within 100 ms on a heavy run (three lanes of the digits MLP on WebGPU)', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=digits-mlp&steps=5000&backend=webgpu&lane=zo-sgd&lane=adam:lr=0.003&lane=openai-es');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 3);
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause')!;
          const t0 = performance.now();
          button.click();
          const check = () => (button.textContent === 'Play' ? resolve(performance.now() - t0) : requestAnimationFrame(check));
          check();
        }),
    );
    expect(ms).toBeLessThan(100);
    // The worker stops too, and the page stays paused once it confirms.
    await page.waitForTimeout(1500);
    const at = (await state(page)).step;
    await page.waitForTimeout(1000);
    expect((await state(page)).step).toBe(at);
    expect(at).toBeLessThan(5000);
    await expect(page.getByRole('button', { name: 'Play' }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
