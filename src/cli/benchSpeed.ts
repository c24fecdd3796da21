import type { Browser, Page } from 'playwright-core';

/**
 * The bench's speed figures in the browser (`npm run bench`): the default run's steps/s on each
 * backend as the header shows it (the figure a user feels), beside the rate its lanes' compute alone
 * would allow, both read from the speed panel's breakdown (the worker accounts every millisecond of
 * a step: src/worker/accounting.ts). Ratios, in one run.
 */

export interface SpeedFigure {
  /** The backend asked for in the link, and the one that ran. */
  asked: string;
  backend: string;
  /** Median over the samples of the header's steps/s (wall clock). */
  stepsPerSec: number;
  /** Median of 1000 / Σ lane compute ms per step. */
  computeStepsPerSec: number;
  /** Median of run / compute: 1 means no overhead at all. */
  ratio: number;
  /** The breakdown's ms per step by part, from the last sample. */
  parts: Record<string, number>;
  badge: string;
}

type Hooks = { __zo: { getState(): { backend?: string; step: number } } };

const ready = () => Boolean((window as unknown as Partial<Hooks>).__zo?.getState().backend);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One speed-panel reading: the run's and the compute's steps/s, and ms per step by part. */
function readPanel(): { run: number; compute: number; parts: Record<string, number> } {
  const b = document.querySelector('[data-testid=step-breakdown]');
  const parts: Record<string, number> = {};
  b?.querySelectorAll('tr[data-part]').forEach((row) => {
    parts[row.getAttribute('data-part') ?? '?'] = Number(row.querySelectorAll('td')[1]?.textContent);
  });
  return { run: Number(b?.getAttribute('data-steps-per-sec')), compute: Number(b?.getAttribute('data-compute-steps-per-sec')), parts };
}

async function waitFor(page: Page, predicate: () => boolean, timeout: number) {
  await page.waitForFunction(predicate, null, { timeout, polling: 250 });
}

/** Play `hash` for `seconds` and sample the speed panel once a second, from 3 s after its third step. */
export async function measureSpeed(browser: Browser, url: string, hash: string, asked: string, seconds: number): Promise<SpeedFigure> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url + hash);
    await waitFor(page, ready, 60_000);
    const badge = (await page.getByTestId('backend-badge').textContent()) ?? '';
    const backend = await page.evaluate(() => (window as unknown as Hooks).__zo.getState().backend ?? '?');
    await page.getByRole('button', { name: 'Play' }).click();
    // Past the first steps (shader compilation on a GPU backend), then 3 s for the panel's window to fill.
    await page.waitForFunction(() => (window as unknown as Hooks).__zo.getState().step >= 3, null, { timeout: 180_000, polling: 250 });
    await page.waitForTimeout(3000);
    const samples: ReturnType<typeof readPanel>[] = [];
    for (let t = 0; t < seconds; t++) {
      await page.waitForTimeout(1000);
      const s = await page.evaluate(readPanel);
      if (Number.isFinite(s.run) && s.run > 0) samples.push(s);
    }
    if (samples.length === 0) throw new Error(`${asked}: the speed panel showed no figure`);
    return {
      asked,
      backend,
      stepsPerSec: median(samples.map((s) => s.run)),
      computeStepsPerSec: median(samples.map((s) => s.compute)),
      ratio: median(samples.map((s) => s.run / s.compute)),
      parts: samples[samples.length - 1].parts,
      badge,
    };
  } finally {
    await page.close();
  }
}
