import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, type AppState } from './browser';

/**
 * One screen (TensorFlow Playground's habit): at 1280×800 the run controls, the loss chart and the
 * task picture show together without scrolling, and the backend badge appearing moves nothing; at
 * tablet width the controls come before the tabbed secondary panels (the sweep among them).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Seen {
  badge: string;
  chartTop: number | null;
  chartLeft: number | null;
}

/**
 * Open the default run at the given size. Before the page's scripts run, an observer records the
 * badge's text and the loss chart's position at every change of the page, so the moment the badge
 * turns from "starting…" into the backend's name is caught.
 */
async function openAt(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const seen: Seen[] = [];
    (window as unknown as { __seen: Seen[] }).__seen = seen;
    const record = () => {
      const badge = document.querySelector('[data-testid=backend-badge]')?.textContent ?? '';
      const chart = document.querySelector('[data-testid=loss-chart]')?.getBoundingClientRect();
      seen.push({ badge, chartTop: chart?.top ?? null, chartLeft: chart?.left ?? null });
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(baseUrl());
  await page.waitForFunction(() => Boolean((window as unknown as { __zo?: { getState(): AppState } }).__zo?.getState().backend), null, { timeout: 60_000 });
  await page.getByTestId('task-picture').locator('canvas').first().waitFor();
  return { page, errors };
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  expect(b, 'element is laid out').not.toBeNull();
  return b!;
}

describe('layout in Chromium', () => {
  it('at 1280×800 the Play button, the loss chart and the task picture are on screen without scrolling', async () => {
    const { page, errors } = await openAt(1280, 800);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    const within = (name: string, b: { x: number; y: number; width: number; height: number }) => {
      expect(b.x, `${name} left`).toBeGreaterThanOrEqual(0);
      expect(b.y, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${name} right`).toBeLessThanOrEqual(1280);
      expect(b.y + b.height, `${name} bottom`).toBeLessThanOrEqual(800);
    };
    const play = await box(page.getByRole('button', { name: 'Play' }));
    const chart = await box(page.getByTestId('loss-chart'));
    const picture = await box(page.getByTestId('task-picture'));
    within('Play', play);
    within('loss chart', chart);
    within('task picture', picture);
    expect(chart.height, 'a loss chart worth reading').toBeGreaterThanOrEqual(220);
    // Side by side: the picture to the right of the chart, not under it.
    expect(picture.x).toBeGreaterThanOrEqual(chart.x + chart.width);
    // No horizontal scrolling either.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(1280);

    // The badge said "starting…" first and then named the backend; the chart did not move meanwhile.
    const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen.filter((s) => s.chartTop !== null));
    const badges = new Set(seen.map((s) => s.badge));
    expect(badges.has('starting…'), `badge texts seen: ${[...badges].join(' | ')}`).toBe(true);
    expect([...badges].some((b) => b !== 'starting…')).toBe(true);
    expect(new Set(seen.map((s) => s.chartTop))).toEqual(new Set([chart.y]));
    expect(new Set(seen.map((s) => s.chartLeft))).toEqual(new Set([chart.x]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the secondary panels are tabs that the keyboard moves between', async () => {
    const { page } = await openAt(1280, 800);
    const speed = page.getByRole('tab', { name: 'Speed', exact: true });
    await speed.click();
    await expect(speed.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByTestId('speed-chart').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('sweep-panel').isVisible()).resolves.toBe(false);
    await page.keyboard.press('End');
    const sweep = page.getByRole('tab', { name: 'Sweep', exact: true });
    await expect(sweep.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(sweep.evaluate((t) => t === document.activeElement)).resolves.toBe(true);
    await expect(page.getByTestId('sweep-panel').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('speed-chart').isVisible()).resolves.toBe(false);
    await page.keyboard.press('ArrowRight'); // wraps around to the first tab
    await expect(page.getByRole('tab', { selected: true }).textContent()).resolves.toBe('Speed');
    await page.close();
  });

  it('at tablet width (820×1180) the controls sit beside the chart and come before the sweep', async () => {
    const { page } = await openAt(820, 1180);
    const controls = await box(page.getByRole('complementary', { name: 'Task, run and lanes' }));
    const play = await box(page.getByRole('button', { name: 'Play' }));
    const chart = await box(page.getByTestId('loss-chart'));
    const sweepTab = await box(page.getByRole('tab', { name: 'Sweep', exact: true }));
    expect(controls.y, 'the controls start level with the run bar').toBeLessThanOrEqual(play.y);
    expect(controls.y).toBeLessThan(chart.y);
    expect(controls.y + controls.height, 'the controls end before the tabs (sweep) begin').toBeLessThanOrEqual(sweepTab.y);
    expect(play.y + play.height).toBeLessThanOrEqual(chart.y);
    const order = await page.evaluate(() => {
      const aside = document.querySelector('aside.sidebar')!;
      const sweep = document.querySelector('[data-testid=sweep-panel]')!;
      return Boolean(aside.compareDocumentPosition(sweep) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order, 'controls precede the sweep in the document').toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(820);
    await page.close();
  });
});
