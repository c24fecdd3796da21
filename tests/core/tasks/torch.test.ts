import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../src/core/tasks/shared/torch';
import { python } from '../../helpers/python';

/** Every .py file under src/core/tasks: the tasks' PyTorch templates and the snippets they share. */
const TEMPLATES = (readdirSync('src/core/tasks', { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.py'))
  .map((file) => join('src/core/tasks', file))
  .sort();

describe('PyTorch templates of the tasks', () => {
  it('are Python files that parse as they stand, {{slots}} unfilled', () => {
    if (!python) throw new Error('python3 is required to check the templates (it is installed on the CI image)');
    expect(TEMPLATES).toContain('src/core/tasks/quadratic/torch.py');
    const check = 'import ast, sys\nfor path in sys.argv[1:]:\n    ast.parse(open(path, encoding="utf-8").read(), path)\nprint(len(sys.argv) - 1)';
    expect(execFileSync(python, ['-c', check, ...TEMPLATES], { stdio: 'pipe' }).toString().trim()).toBe(String(TEMPLATES.length));
  });

  it('fill every slot with its value, and refuse a slot without a value or a value without a slot', () => {
    expect(fillTemplate('x = {{a}}\ny = {{b}} + {{a}}\n', { a: '1', b: '$&2' })).toBe('x = 1\ny = $&2 + 1\n');
    expect(() => fillTemplate('x = {{a}}', {})).toThrow(/\{\{a\}\} has no value/);
    expect(() => fillTemplate('x = {{a}}', { a: '1', b: '2' })).toThrow(/no slot for b/);
  });
});
