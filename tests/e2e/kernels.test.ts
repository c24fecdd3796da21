import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevEvent } from '../../src/worker/protocol';
import { launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


type SelfTest = Extract<DevEvent, { type: 'selfTest' }>;

describe('WGSL perturbation kernel vs its TypeScript twin (SwiftShader WebGPU)', () => {
  it('same integer stream, same z within float32 tolerance, exact regeneration and round trip', async () => {
    const { page } = await openApp(browser, '#v=1&backend=webgpu');
    const out = await page.evaluate(() => (window as unknown as { __zo: { selfTest(): Promise<SelfTest> } }).__zo.selfTest());
    console.log('kernel self-test', JSON.stringify(out));
    expect(out.error).toBeUndefined();
    const r = out.result!;
    expect(r.backend).toBe('webgpu');
    expect(r.elements).toBe(1 << 20);
    expect(r.wordMismatches).toBe(0); // Philox words bit-identical
    expect(r.rademacherMismatches).toBe(0);
    // WGSL's log/cos/sin are float32 (and looser than JS's in the tails): the stated tolerance.
    expect(r.gaussianMaxAbsErr).toBeLessThan(2e-3); // measured 9.3e-4 on SwiftShader
    expect(r.gaussianMeanAbsErr).toBeLessThan(2e-4); // measured 6.6e-5 on SwiftShader
    expect(Math.abs(r.gaussianMean)).toBeLessThan(5 / Math.sqrt(r.elements));
    expect(Math.abs(r.gaussianVariance - 1)).toBeLessThan(0.01);
    expect(r.regenerationIdentical).toBe(true);
    // θ ∈ [−1, 1]: three float32 additions of ±εz round by at most 1.5 ulp(1) = 1.8e-7 in all.
    expect(r.roundTripMaxErr).toBeLessThan(2.4e-7);
    await page.close();
  });
});
