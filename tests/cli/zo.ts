import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** `npm run zo` as the package script runs it: tsx, plus the `?raw` hooks (src/cli/loader). */
export const ZO_NODE_ARGS = ['--import', 'tsx', '--import', './src/cli/loader/register.ts', 'src/cli/zo.ts'];

const exec = promisify(execFile);

/** Run the CLI with `args`; its stdout, stderr and exit status (a failing run does not throw). */
export async function zo(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...ZO_NODE_ARGS, ...args], { maxBuffer: 1 << 24 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', code: err.code ?? 1 };
  }
}
