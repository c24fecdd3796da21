/**
 * `npm run build:wasm`: assembles src/core/random/philox.wat (Philox4x32-10 and Box–Muller in
 * WebAssembly SIMD) with wabt and writes the committed binary, as base64, to
 * src/core/random/philox-wasm-bytes.ts. `--check` only compares (exit code 1 when stale); the unit
 * test tests/core/random/philox-wasm.test.ts does the same on every `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BYTES_URL, assemblePhilox, bytesModule } from './wasm-assemble';

async function main(args: string[]): Promise<number> {
  const binary = await assemblePhilox();
  const text = bytesModule(binary);
  let current = '';
  try {
    current = readFileSync(BYTES_URL, 'utf8');
  } catch {
    // not written yet
  }
  if (args.includes('--check')) {
    const ok = current === text;
    console.log(ok ? 'philox-wasm-bytes.ts matches philox.wat.' : 'philox-wasm-bytes.ts is stale: run `npm run build:wasm`.');
    return ok ? 0 : 1;
  }
  if (current !== text) writeFileSync(BYTES_URL, text);
  console.log(`philox-wasm-bytes.ts: ${binary.length} bytes${current === text ? ', already current' : ', written'}.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
