import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/specs';
import { parseCsv } from '../../src/export/csv';
import { csv, launch, openApp, waitDone } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the optimizer zoo in the browser', () => {
  it('every optimizer is selectable, with its registry sliders and an info popover', async () => {
    const { page, errors } = await openApp(browser, '#v=1&task=quadratic&t.d=10&lane=sgd');
    const select = page.getByLabel('Optimizer for lane 1');
    for (const spec of OPTIMIZERS) {
      await select.selectOption(spec.id);
      // One control per hyperparameter, named after the lane and the registry label.
      for (const h of spec.hypers) await expect(page.getByLabel(`Lane 1 ${h.label}`, { exact: true }).count()).resolves.toBeGreaterThan(0);
      const about = page.getByLabel(`About ${spec.label}`);
      await about.click();
      const details = page.locator('.sidebar details.opt-info');
      await expect(details.getAttribute('open')).resolves.not.toBeNull();
      const text = (await details.textContent()) ?? '';
      expect(text).toContain(spec.equation);
      expect(text).toContain(spec.memory);
      // A count, or a formula where it depends on the task (CMA-ES: λ = 4 + ⌊3 ln d⌋).
      expect(text).toMatch(/Forward passes per step(\d|λ)/);
      await about.click();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every optimizer runs, in runs of at most 8 lanes: each lane steps and reports finite losses', async () => {
    const ids = OPTIMIZERS.map((o) => o.id);
    const groups = Array.from({ length: Math.ceil(ids.length / 8) }, (_, i) => ids.slice(8 * i, 8 * i + 8));
    for (const group of groups) {
      const hash = `#v=1&task=quadratic&t.d=10&t.kappa=4&steps=6&eval=3&${group.map((id) => `lane=${id}`).join('&')}&run=1`;
      const { page, errors } = await openApp(browser, hash);
      await waitDone(page);
      const rows = parseCsv(await csv(page));
      group.forEach((id, lane) => {
        const laneRows = rows.filter((r) => r.lane === lane);
        expect(laneRows.map((r) => r.optimizer)).toEqual(Array(6).fill(id));
        expect(laneRows.every((r) => Number.isFinite(r.trainLoss))).toBe(true);
      });
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
