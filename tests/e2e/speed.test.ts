import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, state } from './browser';
import { waitStep } from './pageHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The probe's figures as the badge states them: "cpu: 140 steps/s, webgpu (software): 3.6 steps/s". */
function measuredRates(badge: string): Map<string, number> {
  const rates = new Map<string, number>();
  for (const m of badge.matchAll(/\b(webgpu|webgl|wasm|cpu)(?: \(software\))?: ([\d.,]+) steps\/s/g)) rates.set(m[1], Number(m[2].replace(/,/g, '')));
  return rates;
}

/** The header's steps/s and the speed panel's run rate and compute-bound rate, read at one moment. */
async function readRates(page: Page): Promise<{ header: number; panel: number; compute: number }> {
  return page.evaluate(() => {
    const header = Number((document.querySelector('[data-testid=steps-per-second]')?.textContent ?? '').replace(/[^\d.]/g, ''));
    const b = document.querySelector('[data-testid=step-breakdown]');
    return { header, panel: Number(b?.getAttribute('data-steps-per-sec')), compute: Number(b?.getAttribute('data-compute-steps-per-sec')) };
  });
}

describe('speed: backend by measurement, every millisecond of a step accounted', () => {
  it('backend=auto on the default run: the badge shows the measured rates and the faster backend runs', async () => {
    const { page, errors } = await openApp(browser);
    const badge = (await page.getByTestId('backend-badge').textContent()) ?? '';
    console.log('badge:', badge);
    const rates = measuredRates(badge);
    expect(rates.size, badge).toBeGreaterThanOrEqual(2);
    const fastest = [...rates.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    expect((await state(page)).backend).toBe(fastest);
    expect(badge.startsWith(fastest)).toBe(true);
    // Leak-free: once the cut-off GPU step (if any) has ended, the worker holds what the same run
    // pinned to the chosen backend holds, one step in.
    const pinned = await openApp(browser, `#v=1&backend=${fastest}`);
    const tensorsAfterStep = async (p: Page) => {
      await p.waitForTimeout(5000);
      await p.getByRole('button', { name: 'Step' }).click();
      await waitStep(p, 1);
      await p.waitForTimeout(500);
      return (await state(p)).numTensors;
    };
    expect(await tensorsAfterStep(page)).toBe(await tensorsAfterStep(pinned.page));
    expect(errors).toEqual([]);
    expect(pinned.errors).toEqual([]);
    await pinned.page.close();
    await page.close();
  });

  it("the speed panel splits a step's wall time, and the header's steps/s is its figure", async () => {
    const { page, errors } = await openApp(browser, '#v=1&steps=100000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitStep(page, 50);
    await page.waitForTimeout(3000);
    const samples: { header: number; panel: number; compute: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(1200);
      samples.push(await readRates(page));
    }
    console.log((await page.getByTestId('step-breakdown').innerText()).replace(/\s*\n\s*/g, ' | '));
    const parts = await page.locator('[data-testid=step-breakdown] tr[data-part]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-part')));
    console.log('speed samples', JSON.stringify(samples), 'parts', parts.join(' '), 'backend', (await state(page)).backend);
    expect(parts).toEqual(expect.arrayContaining(['lane0', 'lane1', 'readbackMs', 'idleMs']));
    for (const s of samples) {
      expect(s.header).toBeGreaterThan(0);
      // The header and the panel render the same published figure (the header to 3 significant digits).
      expect(Math.abs(s.header - s.panel) / s.panel).toBeLessThan(0.01);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
