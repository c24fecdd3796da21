import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPORA, corporaDir } from '../../../src/cli/data/corpora';

describe('raw corpora', () => {
  it('are pinned at exact versions and are not dependencies, so `npm ci` does not install them', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const [name, version] of Object.entries(CORPORA)) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(pkg.dependencies?.[name]).toBeUndefined();
      expect(pkg.devDependencies?.[name]).toBeUndefined();
    }
  });

  it('go into a folder under node_modules, which git ignores', () => {
    expect(corporaDir('/repo')).toBe('/repo/node_modules/.zo-corpora');
    expect(readFileSync(new URL('../../../.gitignore', import.meta.url), 'utf8').split('\n')).toContain('node_modules/');
  });
});
