import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy for the built page (dev keeps Vite's inline HMR scripts working).
 * No inline scripts, no other origins; workers and fetches only from this origin.
 * 'wasm-unsafe-eval' lets WebAssembly compile (the tfjs wasm backend); it does not allow eval().
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Cross-origin isolation (COOP + COEP), sent by the dev and the preview server: only an isolated page
 * has SharedArrayBuffer, which the wasm backend's threads need. Every resource the page loads is
 * from its own origin, so `require-corp` blocks nothing. A static host must send the same two
 * headers (README.md, "Deploying"); without them the wasm backend runs single-threaded.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'zo-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * tfjs-backend-wasm starts its threads (pthreads, blob workers) from the *source text* of its
 * threaded factory (`factory.toString()`), which reads `_scriptDir` from the closure around it, as
 * `typeof _scriptDir !== "undefined" && _scriptDir`. Minified, the closure's variable is renamed and
 * the typeof test folded away, so each thread dies with "ReferenceError: e is not defined". Renaming
 * the closure's variable here makes the factory's `_scriptDir` a global the minifier must keep
 * testing with typeof (undefined in a thread; tfjs passes the script to threads itself, and
 * setWasmPaths locates the binaries, so the closure's value is not needed).
 */
function wasmThreadsSurviveMinifying(): Plugin {
  const file = /tfjs-backend-wasm-threaded-simd\.js$/;
  const outer = /var _scriptDir = ([^;]*);\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/;
  return {
    name: 'zo-wasm-threads',
    apply: 'build',
    transform(code, id) {
      if (!file.test(id)) return null;
      if (!outer.test(code)) this.error('tfjs-backend-wasm-threaded-simd.js changed: check wasmThreadsSurviveMinifying in vite.config.ts');
      return { code: code.replace(outer, 'var _scriptDirOfBundle = $1;'), map: null };
    },
  };
}

/**
 * `vite build` is the production site (dist/). `vite build --mode e2e` is the same site plus the
 * test machinery the browser tests and `npm run bench` drive (window.__zo, fault injection, the
 * kernel self-test, the in-browser bench), in dist-e2e/ so the two never overwrite each other.
 */
export const E2E_MODE = 'e2e';
export const E2E_OUT_DIR = 'dist-e2e';

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicy()],
  // The worker is bundled on its own, with its own plugins: tfjs lives there.
  worker: { format: 'es', plugins: () => [wasmThreadsSurviveMinifying()] },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, outDir: mode === E2E_MODE ? E2E_OUT_DIR : 'dist' },
}));
