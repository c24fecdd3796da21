/**
 * `npm run docs` rewrites README.md's Optimizers and Tasks tables from the registries' specs;
 * `npm run docs -- --check` changes nothing and exits 1 naming each table that is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeTables, staleTables, withTables } from './docs-tables';

const README = new URL('../../README.md', import.meta.url);

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: npm run docs [-- --check]   (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  const readme = readFileSync(README, 'utf8');
  const tables = await readmeTables();
  const stale = staleTables(readme, tables);
  if (args.includes('--check')) {
    for (const name of stale) console.error(`README.md: the ${name} table is out of date with the specs; run \`npm run docs\`.`);
    if (stale.length === 0) console.log('README.md: the optimizers and tasks tables match the specs.');
    return stale.length === 0 ? 0 : 1;
  }
  if (stale.length > 0) writeFileSync(README, withTables(readme, tables));
  console.log(stale.length > 0 ? `README.md: rewrote the ${stale.join(' and ')} table${stale.length > 1 ? 's' : ''}.` : 'README.md: already current.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
