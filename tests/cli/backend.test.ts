import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBackendFor } from '../../src/cli/backend';
import { parseCsv } from '../../src/export/csv';
import type { RunJson } from '../../src/export/json';
import { zo } from './zo';

const TIMEOUT = { timeout: 120_000 };

describe("the CLI's backend in Node", () => {
  it('is wasm unless the link pins cpu; a browser-only backend falls back to wasm with a notice', () => {
    expect(nodeBackendFor('auto')).toEqual({ backend: 'wasm' });
    expect(nodeBackendFor('wasm')).toEqual({ backend: 'wasm' });
    expect(nodeBackendFor('cpu')).toEqual({ backend: 'cpu' });
    for (const pinned of ['webgpu', 'webgl'] as const) {
      const { backend, notice } = nodeBackendFor(pinned);
      expect(backend).toBe('wasm');
      expect(notice).toContain(`'${pinned}'`);
    }
  });

  it('runs wasm by default and cpu with --backend cpu: the same CSV columns and rows, the JSON naming what ran', TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zo-backend-'));
    const link = '#task=moons&seed=4&steps=10&eval=5&lane=zo-sgd&lane=adam';
    const runs = { wasm: [link], cpu: [link, '--backend', 'cpu'] };
    const out: Record<string, { csv: string; json: RunJson; stdout: string }> = {};
    for (const [name, args] of Object.entries(runs)) {
      const csv = join(dir, `${name}.csv`);
      const json = join(dir, `${name}.json`);
      const run = await zo([...args, '--csv', csv, '--json', json]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe(''); // no notice, no tfjs advert
      out[name] = { csv: readFileSync(csv, 'utf8'), json: JSON.parse(readFileSync(json, 'utf8')) as RunJson, stdout: run.stdout };
    }
    expect(out.wasm.stdout).toMatch(/backend wasm \(SIMD, 1 thread\) \(Node\)/);
    expect(out.cpu.stdout).toMatch(/backend cpu \(Node\)/);
    expect(out.wasm.json.backend).toBe('wasm');
    expect(out.cpu.json.backend).toBe('cpu');
    // Only the values may differ: same header, same lanes and steps in the same order.
    const header = (csv: string) => csv.split('\n')[0];
    expect(header(out.wasm.csv)).toBe(header(out.cpu.csv));
    const keys = (csv: string) => parseCsv(csv).map((r) => [r.lane, r.step, r.forwardPasses]);
    expect(keys(out.wasm.csv)).toEqual(keys(out.cpu.csv));
    expect(keys(out.wasm.csv)).toHaveLength(20);
    // …and they differ only by float rounding: the first losses agree closely.
    const first = (csv: string) => parseCsv(csv).filter((r) => r.step === 1).map((r) => r.trainLoss);
    first(out.wasm.csv).forEach((loss, lane) => expect(Math.abs(loss - first(out.cpu.csv)[lane])).toBeLessThan(1e-5));
  });

  it('--backend cpu writes exactly what a link pinning backend=cpu writes', TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zo-backend-'));
    const link = '#task=rosenbrock&seed=3&steps=10&eval=5&lane=zo-sgd&lane=adam';
    const [flag, pinned] = [join(dir, 'flag.csv'), join(dir, 'pinned.csv')];
    expect((await zo([link, '--backend', 'cpu', '--csv', flag])).code).toBe(0);
    expect((await zo([link + '&backend=cpu', '--csv', pinned])).code).toBe(0);
    const withoutWall = (csv: string) => parseCsv(csv).map((r) => ({ ...r, wallMs: 0 }));
    expect(withoutWall(readFileSync(flag, 'utf8'))).toEqual(withoutWall(readFileSync(pinned, 'utf8')));
  });
});
