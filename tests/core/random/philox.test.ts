import { describe, expect, it } from 'vitest';
import { Stream, fillNormal, fillRademacher, philox4x32 } from '../../../src/core/random/philox';
import { meanAndSe } from '../../helpers/optimizers';

const hex = (w: Uint32Array) => Array.from(w, (x) => x.toString(16).padStart(8, '0')).join(' ');

describe('Philox4x32-10', () => {
  // Known-answer vectors from Random123's kat_vectors (philox4x32_10).
  it('matches the Random123 known-answer vectors', () => {
    const out = new Uint32Array(4);
    expect(hex(philox4x32(0, 0, 0, 0, 0, 0, out))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
    const f = 0xffffffff;
    expect(hex(philox4x32(f, f, f, f, f, f, out))).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
    expect(hex(philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out))).toBe(
      'd16cfe09 94fdcceb 5001e420 24126ea1',
    );
  });

  it('gives standard normals: mean 0, variance 1, and independent streams per key', () => {
    const n = 200_000;
    const z = fillNormal(new Float32Array(n), 7, 0, 0, 0, 0);
    const { mean, se } = meanAndSe(Array.from(z));
    expect(Math.abs(mean)).toBeLessThan(4 * se);
    const variance = z.reduce((a, b) => a + b * b, 0) / n - mean * mean;
    expect(variance).toBeGreaterThan(0.985);
    expect(variance).toBeLessThan(1.015);
    // A different step (key) gives an uncorrelated stream.
    const z2 = fillNormal(new Float32Array(n), 7, 1, 0, 0, 0);
    const corr = z.reduce((a, b, i) => a + b * z2[i], 0) / n;
    expect(Math.abs(corr)).toBeLessThan(0.015);
  });

  it('is a pure function of its key: regenerating is bit-identical, and any prefix agrees', () => {
    const a = fillNormal(new Float32Array(1001), 3, 9, 2, 1, 0);
    const b = fillNormal(new Float32Array(1001), 3, 9, 2, 1, 0);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    const prefix = fillNormal(new Float32Array(7), 3, 9, 2, 1, 0);
    expect(Array.from(prefix)).toEqual(Array.from(a.subarray(0, 7)));
  });

  it('treats seed 0 as a seed like any other (unlike tf.randomNormal)', () => {
    const a = fillNormal(new Float32Array(8), 0, 0, 0, 0, 0);
    const b = fillNormal(new Float32Array(8), 0, 0, 0, 0, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('Rademacher signs are ±1 with mean 0', () => {
    const r = fillRademacher(new Float32Array(100_000), 5, 0, 0, 0, 0);
    expect(r.every((x) => x === 1 || x === -1)).toBe(true);
    expect(Math.abs(r.reduce((a, b) => a + b, 0) / r.length)).toBeLessThan(0.015);
  });

  it('Stream.int is uniform over its range', () => {
    const s = new Stream(11, 0);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 50_000; i++) counts[s.int(10)]++;
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(300);
  });
});
