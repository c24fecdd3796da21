import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZO_NODE_ARGS } from './zo';

/** The CLI's module hooks give Node Vite's `?raw` imports: the default export is the file's text. */
describe('?raw imports in Node', () => {
  it('import text from "./file?raw" yields the file byte for byte; other imports are untouched', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'zo-raw-'));
    const python = 'def f(x):\n    return "quotes \' and \\" and ${template}"\n';
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    writeFileSync(join(dir, 'template.py'), python);
    writeFileSync(join(dir, 'notes.txt'), 'ünïcode ✓\n');
    writeFileSync(join(dir, 'plain.ts'), 'export const answer: number = 42;\n');
    writeFileSync(
      join(dir, 'main.ts'),
      "import py from './template.py?raw';\nimport notes from './notes.txt?raw';\nimport { answer } from './plain.ts';\nconsole.log(JSON.stringify({ py, notes, answer }));\n",
    );
    const [, tsx, , register] = ZO_NODE_ARGS; // --import tsx --import <the hooks>
    const out = execFileSync(process.execPath, ['--import', tsx, '--import', join(process.cwd(), register), join(dir, 'main.ts')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ py: python, notes: 'ünïcode ✓\n', answer: 42 });
  });
});
