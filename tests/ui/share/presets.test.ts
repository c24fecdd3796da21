import { describe, expect, it } from 'vitest';
import { optimizerSpec } from '../../../src/core/optimizers/specs';
import { taskSpec } from '../../../src/core/tasks/specs';
import { decodeConfig } from '../../../src/core/run/codec';
import { PRESETS, availablePresets, idsInHash } from '../../../src/ui/share/presets';

describe('guided presets', () => {
  it('every preset the menu shows decodes without a single notice', () => {
    const shown = availablePresets();
    expect(shown.length).toBeGreaterThanOrEqual(5);
    for (const p of shown) expect(decodeConfig(p.hash).notices, p.id).toEqual([]);
  });

  it('a preset waiting for a task or optimizer the registries lack stays hidden until they exist', () => {
    const waiting = { id: 'x', title: 'x', explanation: '', hash: '#task=not-yet&lane=zo-sgd', todo: 'needs the task' };
    const waitingOpt = { id: 'y', title: 'y', explanation: '', hash: '#task=quadratic&lane=zo-sgd&lane=not-yet-es', todo: '…' };
    expect(availablePresets([waiting, waitingOpt, PRESETS[0]])).toEqual([PRESETS[0]]);
    // Every preset in the list is shown today, or says what it waits for.
    const shown = new Set(availablePresets().map((p) => p.id));
    for (const p of PRESETS.filter((x) => !shown.has(x.id))) {
      const ids = idsInHash(p.hash);
      const missing = [ids.task, ...ids.optimizers].filter((id) => id && !taskSpec(id) && !optimizerSpec(id));
      expect(missing.length, p.id).toBeGreaterThan(0);
      expect(p.todo, p.id).toBeTruthy();
    }
  });

  it('covers the issue’s five guided runs', () => {
    const titles = availablePresets().map((p) => p.title).join('\n');
    for (const words of [/MeZO vs Adam fine-tuning/, /curse of dimension/i, /ES escapes Rastrigin/, /More queries per step/, /Sign, momentum and Adam/])
      expect(titles).toMatch(words);
  });

  it('ids are read from the link', () => {
    expect(idsInHash('#v=1&task=quadratic&lane=zo-sgd:lr=0.1&lane=sgd')).toEqual({ task: 'quadratic', optimizers: ['zo-sgd', 'sgd'] });
  });

  it('ids and titles are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.title)).size).toBe(PRESETS.length);
  });
});
