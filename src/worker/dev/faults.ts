import { assertNever, type FaultKind, type WorkerEvent } from '../protocol';
import { webgpuDevice } from '../recovery';

/**
 * Fault injection for the browser tests: make a platform fault happen, as a browser or GPU would,
 * so that recovery (recovery.ts), the UI's error alert and its watchdog can be tested.
 */
export function injectFault(fault: FaultKind, post: (event: WorkerEvent) => void, backendName: string | undefined): void {
  switch (fault) {
    case 'lose-device': {
      const device = webgpuDevice();
      if (device) device.destroy();
      else post({ type: 'notice', message: `No GPU device to lose: the backend is ${backendName ?? 'not started'}.` });
      return;
    }
    case 'throw':
      setTimeout(() => {
        throw new Error('Injected fault: the worker threw an uncaught error');
      });
      return;
    case 'hang': {
      // Never returns: the UI's watchdog must notice the silence and offer a restart.
      for (;;) {
        /* busy */
      }
    }
    default:
      assertNever(fault);
  }
}
