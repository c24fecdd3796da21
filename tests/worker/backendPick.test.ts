import { describe, expect, it } from 'vitest';
import { describeMeasured, isSoftwareAdapter, needsProbe, pickFastest, planBackend, probeSize, REPROBE_FACTOR } from '../../src/worker/backend/pick';
import type { MeasuredBackend } from '../../src/worker/protocol';

describe('backend=auto: the choice from measured rates', () => {
  it('picks the fastest measured backend', () => {
    const measured: MeasuredBackend[] = [
      { name: 'cpu', stepsPerSec: 140 },
      { name: 'wasm', stepsPerSec: 210 },
      { name: 'webgl', stepsPerSec: 35 },
    ];
    expect(pickFastest(measured).name).toBe('wasm');
  });

  it('never picks a software WebGPU adapter when another backend is faster, and does pick it when it is the fastest', () => {
    const slowGpu: MeasuredBackend[] = [
      { name: 'cpu', stepsPerSec: 140 },
      { name: 'webgpu', stepsPerSec: 3.6, software: true },
    ];
    expect(pickFastest(slowGpu).name).toBe('cpu');
    const fastGpu: MeasuredBackend[] = [
      { name: 'cpu', stepsPerSec: 20 },
      { name: 'webgpu', stepsPerSec: 90, software: true },
    ];
    expect(pickFastest(fastGpu).name).toBe('webgpu');
  });

  it('a backend whose probe failed is not picked while another ran; nothing measured is an error', () => {
    expect(pickFastest([{ name: 'webgpu', stepsPerSec: NaN }, { name: 'cpu', stepsPerSec: 5 }]).name).toBe('cpu');
    expect(() => pickFastest([{ name: 'webgpu', stepsPerSec: NaN }])).toThrow(/measured nothing/);
  });

  it('an exact tie goes to the earlier backend of the fallback order (webgpu, webgl, wasm, cpu)', () => {
    expect(pickFastest([{ name: 'cpu', stepsPerSec: 50 }, { name: 'wasm', stepsPerSec: 50 }]).name).toBe('wasm');
  });

  it('re-probes when the task is 10× larger or smaller than the one probed, not for smaller changes', () => {
    expect(REPROBE_FACTOR).toBe(10);
    expect(needsProbe(null, 1000)).toBe(true);
    expect(needsProbe(1000, 1000)).toBe(false);
    expect(needsProbe(1000, 9999)).toBe(false);
    expect(needsProbe(1000, 10_000)).toBe(true);
    expect(needsProbe(1000, 101)).toBe(false);
    expect(needsProbe(1000, 100)).toBe(true);
  });

  it('the size counts weights, lanes and the batch', () => {
    expect(probeSize(100, 2, 64)).toBe(12_800);
    expect(probeSize(100, 2, undefined)).toBe(200);
    expect(probeSize(100, 4, 64) / probeSize(100, 2, 64)).toBe(2);
  });

  it('the badge lists the figures fastest first and marks a software adapter', () => {
    const text = describeMeasured([
      { name: 'webgpu', stepsPerSec: 3.63, software: true },
      { name: 'cpu', stepsPerSec: 140.4 },
      { name: 'webgl', stepsPerSec: NaN },
    ]);
    expect(text).toBe('cpu: 140 steps/s, webgpu (software): 3.6 steps/s, webgl: failed');
  });

  it('recognises software adapters by the fallback flag or by name', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere' })).toBe(false);
    expect(isSoftwareAdapter(undefined)).toBe(false);
  });
});

describe('backend=auto and pinned backends across runs', () => {
  const probed = { name: 'cpu' as const, measured: [] };
  it('a pinned backend stays pinned: started as asked, never replaced by a verdict', () => {
    expect(planBackend('webgpu', probed, { name: 'cpu' })).toBe('pin');
    expect(planBackend('cpu', probed, { name: 'cpu' })).toBe('pin'); // same name, but it ran as auto's choice: now pinned
    expect(planBackend('webgpu', { name: 'webgpu' }, { name: 'cpu' })).toBe('keep');
    expect(planBackend('wasm', null, null)).toBe('pin');
  });
  it('auto probes once, keeps its verdict, and returns to it after a pinned run', () => {
    expect(planBackend('auto', null, null)).toBe('probe');
    expect(planBackend('auto', { name: 'webgpu' }, null)).toBe('probe');
    expect(planBackend('auto', probed, { name: 'cpu' })).toBe('keep');
    expect(planBackend('auto', { name: 'webgpu' }, { name: 'cpu' })).toBe('restore');
  });
});
