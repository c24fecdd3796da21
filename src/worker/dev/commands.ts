import { FULL_BENCH, SMOKE_BENCH, runBench } from '../../core/bench';
import { perturbKernelName } from '../../core/random/perturb';
import { assertNever, type DevCommand, type DevEvent, type WorkerEvent } from '../protocol';
import { injectFault } from './faults';
import { runSelfTest } from './selfTest';

/**
 * The worker's dev-only commands: fault injection, the kernel self-test and the in-browser bench.
 * Loaded by a dynamic import that only test builds keep (see RunHost.devCommand), so none of it
 * ships in the production bundle.
 */
export async function runDevCommand(cmd: DevCommand, post: (event: WorkerEvent) => void, backendName: string | undefined): Promise<void> {
  const answer = (event: DevEvent) => post({ type: 'dev', event });
  switch (cmd.type) {
    case 'fault':
      injectFault(cmd.fault, post, backendName);
      return;
    case 'bench':
      try {
        const opts = cmd.smoke ? SMOKE_BENCH : FULL_BENCH;
        answer({ type: 'bench', result: await runBench(opts, perturbKernelName()) });
      } catch (e) {
        answer({ type: 'bench', error: e instanceof Error ? e.message : String(e) });
      }
      return;
    case 'selfTest':
      try {
        answer({ type: 'selfTest', result: await runSelfTest() });
      } catch (e) {
        answer({ type: 'selfTest', error: e instanceof Error ? e.message : String(e) });
      }
      return;
    default:
      assertNever(cmd);
  }
}
