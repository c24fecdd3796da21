import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunJson } from '../../src/export/json';
import { formatNumber } from '../../src/ui/shared/format';
import { csv, launch, openApp, state, waitChartDrawn, waitDone, withoutWall } from './browser';
import { SHOTS, config, pathD, screenshotNotBlank, showPanel, waitStep, type Zo } from './pageHelpers';

/**
 * The charts: a live tweak marked and replayed, smoothing, axes, legend, hover and diagnostics,
 * seeds drawn as a band, a diverged lane marked. Runs are short, on the quadratic (cheap on
 * SwiftShader) or on the cpu backend.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('charts in Chromium', () => {
  it('a mid-run slider change is marked on the chart and the link replays it exactly', async () => {
    // The cpu backend keeps this one quick (the skeleton test replays a link on WebGPU); enough steps
    // that the run is still going when the pause lands.
    const hash = '#v=1&task=quadratic&t.d=50&seed=5&steps=3000&eval=10&backend=cpu&lane=zo-sgd:lr=0.002,eps=0.001,q=1&lane=sgd:lr=0.05';
    const { page, errors } = await openApp(browser, hash);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 15);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The button says Paused at once; the worker stops at the end of its chunk, and says so.
    await page.waitForFunction(() => !(window as unknown as Zo).__zo.getState().playing && !(window as unknown as Zo).__zo.pausePending());
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
    await showPanel(page, 'Gradient diagnostics');
    await page.getByTestId('diagnostics-lane-0').check();
    expect((await config(page)).lanes[0].diagnostics).toBe(true);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitDone(page);
    await waitChartDrawn(page, [0, 1]); // the last throttled redraw
    const chart = page.getByTestId('loss-chart');
    // Diagnostics on lane 1: cos(ĝ, ∇L) drawn in its panel, and the link says so.
    await page.getByTestId('diagnostics-panel').locator('path.recharts-curve').waitFor();
    await expect(page.getByLabel('Share link').inputValue()).resolves.toMatch(/lane=zo-sgd:[^&]*diag=1/);
    // The variance panel: lane 1's relative variance from its probe slopes, and exactly with diagnostics on; none for Adam.
    await showPanel(page, 'Variance');
    const variance = page.getByTestId('variance-panel');
    // Attached, not visible: ZO-SGD's (d + 1)/q is a flat line, whose box has no height.
    await variance.locator('.variance-0 path.recharts-curve').waitFor({ state: 'attached' });
    await variance.locator('.variance-exact-0 path.recharts-curve').waitFor({ state: 'attached' });
    await expect(variance.locator('.variance-0 path.recharts-curve').getAttribute('d')).resolves.toMatch(/^M[\d.]+,[\d.]+L/);
    await expect(variance.getByTestId('variance-silent').textContent()).resolves.toMatch(/Adam/);
    await showPanel(page, 'Speed');
    await page.getByTestId('speed-chart').locator('.speed-1 path.recharts-curve').waitFor();
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

    // Hovering the loss chart moves the cursor and the readouts of every chart.
    await chart.scrollIntoViewIfNeeded(); // showing the Speed tab scrolled the page down to it
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(page.getByTestId('loss-readout').textContent()).resolves.toMatch(/^forward passes \d/);
    const cursor = page.getByTestId('speed-chart').locator('.hover-layer line');
    await cursor.waitFor({ state: 'attached' });
    expect(Number(await cursor.getAttribute('x1'))).toBeGreaterThan(64);
    await expect(page.getByTestId('speed-readout').textContent()).resolves.toMatch(/ms\/step/);
    // The metric chart (accuracy on the spiral) shares the cursor and reads the eval accuracy there.
    const metricCursor = page.getByTestId('metric-chart').locator('.hover-layer line');
    await metricCursor.waitFor({ state: 'attached' });
    expect(Number(await metricCursor.getAttribute('x1'))).toBeGreaterThan(64);
    await expect(page.getByTestId('metric-readout').textContent()).resolves.toMatch(/^eval accuracy at forward passes \d/);
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
});
