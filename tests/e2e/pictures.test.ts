import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from '../../src/core/tasks/specs';
import type { RunConfig } from '../../src/core/run/config';
import { EXPECTED_KIND } from '../helpers/pictureKinds';
import { launch, openApp } from './browser';

/** SwiftShader is slow: a few steps per task are enough to see a picture drawn from a run. */
const STEPS = 4;

interface Drawn {
  canvases: number;
  blankCanvases: number;
  svgs: number;
  blankSvgs: number;
  rows: number;
  text: string;
  /** Samples in each lane's list of new names. */
  names: number[];
}

type Hooks = { __zo: { getConfig(): RunConfig; getState(): { done: boolean } } };

let browser: Browser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openApp(browser, `#v=1&task=booth&steps=${STEPS}`));
});
afterAll(async () => {
  await browser?.close();
});

/** What the picture panel holds: canvases with at least one painted pixel, SVGs with visible shapes. */
function inspect(): Drawn {
  const panel = document.querySelector('[data-testid="task-picture"]')!;
  const canvases = [...panel.querySelectorAll('canvas')];
  const painted = (c: HTMLCanvasElement) => {
    if (c.width === 0 || c.height === 0) return false;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  };
  const svgs = [...panel.querySelectorAll('svg')];
  const visible = (s: SVGSVGElement) => [...s.querySelectorAll('polyline, circle, path')].some((e) => (e as SVGGraphicsElement).getBBox().width > 0);
  return {
    canvases: canvases.length,
    blankCanvases: canvases.filter((c) => !painted(c)).length,
    svgs: svgs.length,
    blankSvgs: svgs.filter((s) => !visible(s)).length,
    rows: panel.querySelectorAll('tbody tr').length,
    text: [...panel.querySelectorAll('.text-sample')].map((p) => p.textContent ?? '').join('\n'),
    names: [...panel.querySelectorAll('.name-samples')].map((ol) => ol.querySelectorAll('li').length),
  };
}

describe('task pictures in Chromium (WebGPU)', () => {
  it.each(TASKS.map((t) => t.id))('%s: its picture is drawn during a short run', async (id) => {
    const hash = `#v=1&task=${id}&steps=${STEPS}&eval=${STEPS}&lane=zo-sgd&lane=adam&run=1`;
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForFunction(
      ([taskId, kind, steps]) => {
        const zo = (window as unknown as Hooks).__zo;
        const panel = document.querySelector<HTMLElement>('[data-testid="task-picture"]');
        return (
          zo.getConfig().task.id === taskId &&
          zo.getState().done &&
          panel?.dataset.kind === kind &&
          Number(panel.dataset.step) >= Number(steps)
        );
      },
      [id, EXPECTED_KIND[id], STEPS] as const,
      { timeout: 90_000, polling: 250 },
    );
    const drawn = await page.evaluate(inspect);
    expect(drawn.blankCanvases).toBe(0);
    expect(drawn.blankSvgs).toBe(0);
    const kind = EXPECTED_KIND[id];
    if (kind === 'landscape') expect(drawn.canvases).toBe(1);
    if (kind === 'boundary') expect(drawn.canvases).toBe(2); // one per lane
    if (kind === 'digits') expect(drawn.canvases).toBe(3); // the digits and a confusion matrix per lane
    if (kind === 'images') expect(drawn.canvases).toBe(5); // originals, then reconstructions and samples per lane
    if (kind === 'gan') {
      expect(drawn.canvases).toBe(3); // real digits, then a grid of samples per lane
      expect(drawn.svgs).toBe(1); // D's loss over time
    }
    if (kind === 'spectrum' || kind === 'fit') expect(drawn.svgs).toBe(1);
    if (kind === 'sentences') expect(drawn.rows).toBeGreaterThan(0);
    if (kind === 'names') {
      expect(drawn.names).toEqual([8, 8]);
      expect(drawn.svgs).toBe(2); // an attention map per lane
      // The loss chart's dashed lines are named under it, highest first (gpt-names: uniform ln 27, then the bigram).
      const refs = (await page.getByTestId('loss-references').textContent()) ?? '';
      expect(refs).toMatch(id === 'gpt-names' ? /^uniform.*3\.296 · .*bigram/ : /checkpoint on female names.*bigram.*checkpoint on male names/);
      await expect(page.locator('[data-testid=loss-chart] .loss-reference').count()).resolves.toBeGreaterThanOrEqual(2);
    }
    if (kind === 'text') expect(drawn.text.split('\n').every((s) => s.startsWith('the '))).toBe(true);
    expect(errors).toEqual([]);
  });
});
