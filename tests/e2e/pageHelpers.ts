import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunConfig } from '../../src/core/run/config';

/** Reading and driving the playground page in the browser tests (through the test build's window.__zo). */

/** Screenshots of the main views go here (not into git). */
export const SHOTS = 'test-results/experience';

export type Zo = {
  __zo: {
    getConfig(): RunConfig;
    getJson(): string;
    getState(): { step: number; playing: boolean };
    pendingLiveChanges(): number;
    pausePending(): boolean;
    commandsSent(): number;
  };
};
export const config = (page: Page) => page.evaluate(() => (window as unknown as Zo).__zo.getConfig());
export const commandsSent = (page: Page) => page.evaluate(() => (window as unknown as Zo).__zo.commandsSent());
export const waitStep = (page: Page, atLeast: number) =>
  page.waitForFunction((n) => (window as unknown as Zo).__zo.getState().step >= n, atLeast, { timeout: 120_000, polling: 100 });
/** Show one of the tabbed panels below the main screen: 'Speed', 'Memory', 'Gradient diagnostics', 'Sweep'. */
export const showPanel = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();
export const pathD = (page: Page, selector: string) => page.locator(`${selector} path.recharts-curve`).first().getAttribute('d');

export async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync((await file.path())!);
}

/** Decode a PNG in the page (img-src allows data:) and count its distinct colours on a grid of samples. */
export async function pngStats(page: Page, png: Buffer): Promise<{ width: number; height: number; colours: number }> {
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

export async function screenshotNotBlank(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const stats = await pngStats(page, png);
  expect(stats.colours, `${name} looks blank`).toBeGreaterThan(40);
}
