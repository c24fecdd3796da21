/** `node --import ./src/cli/loader/register.ts`: Node reads `?raw` imports as Vite does (see raw.ts). */
import { register } from 'node:module';

register('./raw.ts', import.meta.url);
