import type { RunHost } from './host';
import { assertNever, type WorkerCommand } from './protocol';

/** The protocol's commands, one case each, mapped onto the host (which serialises them). */
export async function dispatch(host: RunHost, cmd: WorkerCommand): Promise<void> {
  switch (cmd.type) {
    case 'init':
      await host.init(cmd.config);
      return;
    case 'play':
      host.play();
      return;
    case 'pause':
      host.pause();
      return;
    case 'step':
      await host.stepOnce();
      return;
    case 'reset':
      await host.reset(cmd.config);
      return;
    case 'setHyper':
      host.setHyper(cmd.lane, cmd.name, cmd.value);
      return;
    case 'setDiagnostics':
      host.setDiagnostics(cmd.lane, cmd.on);
      return;
    case 'dev':
      await host.devCommand(cmd.command);
      return;
    default:
      assertNever(cmd);
  }
}
