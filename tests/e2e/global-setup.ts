import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { E2E_OUT_DIR } from '../../vite.config';
import { CHROMIUM_PATH } from './browser';

/**
 * Serve the test build (dist-e2e/: the app plus window.__zo and the worker's test machinery) once for
 * all browser tests; fail loudly when Chromium or either build is missing.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`);
  for (const dir of ['dist', E2E_OUT_DIR])
    if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ is missing: run 'npm run build && npm run build:e2e' first (npm run test:e2e does).`);
  const server = await preview({ build: { outDir: E2E_OUT_DIR }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
