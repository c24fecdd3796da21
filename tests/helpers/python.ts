import { spawnSync } from 'node:child_process';

/**
 * The Python interpreters the PyTorch-export tests use: any that runs, and one that can import torch
 * (Debian's python3-torch is for /usr/bin/python3). CI installs torch (.ci/run), so under CI=true a
 * missing torch fails the test; elsewhere it is skipped with the reason printed.
 */
const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => Boolean(p));
const works = (py: string, code: string) => spawnSync(py, ['-c', code], { stdio: 'pipe', timeout: 60_000 }).status === 0;

export const python = candidates.find((py) => works(py, 'import sys'));
export const torchPython = candidates.find((py) => works(py, 'import torch'));
export const noTorchReason = `no python here can import torch (tried ${candidates.join(', ')}): apt-get install -y python3-torch`;

/** Fail (CI) or skip with the reason printed (elsewhere) when no python here can import torch. */
export function requireTorch(ctx: { skip: (note?: string) => void }): void {
  if (torchPython) return;
  if (process.env.CI) throw new Error(noTorchReason);
  console.warn(`[pytorch export] skipped: ${noTorchReason}`);
  ctx.skip(noTorchReason);
}
