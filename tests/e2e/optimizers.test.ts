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
      const details = page.locator('details.opt-info');
      await expect(details.getAttribute('open')).resolves.not.toBeNull();
      const text = (await details.textContent()) ?? '';
      expect(text).toContain(spec.equation);
      expect(text).toContain(spec.memory);
      expect(text).toMatch(/Forward passes per step\d+/);
      await about.click();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every optimizer runs: 16 lanes over two runs of 8, each lane steps and reports finite losses', async () => {
    const ids = OPTIMIZERS.map((o) => o.id);
    for (const group of [ids.slice(0, 8), ids.slice(8)]) {
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
