import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../../src/core/run/codec';
import { defaultConfig } from '../../../src/core/run/config';
import { VIEW_DEFAULTS } from '../../../src/core/run/view';

/** The view keys of a share link: x axis, y scale, smoothing and seeds per lane. */
describe('view in the share link', () => {
  it('round-trips every setting, writing only what differs from the defaults', () => {
    const config = defaultConfig();
    const view = { xKey: 'forwardPasses' as const, logY: false, smoothing: 0.9, seeds: 3 };
    const hash = encodeConfig(config, { view, autoplay: true });
    expect(hash).toMatch(/&x=passes&y=linear&smooth=0\.9&seeds=3&run=1$/);
    expect(decodeConfig(hash)).toEqual({ config, notices: [], autoplay: true, view });
    expect(encodeConfig(config, { view: { ...VIEW_DEFAULTS } })).toBe(encodeConfig(config));
    expect(decodeConfig(encodeConfig(config, { view: { ...VIEW_DEFAULTS, xKey: 'wallMs' } })).view).toEqual({ xKey: 'wallMs' });
  });

  it('repairs bad values with a notice that names the value used', () => {
    const { view, notices } = decodeConfig('#x=time&y=sqrt&smooth=2&seeds=2.6');
    expect(view).toEqual({ smoothing: 0.99, seeds: 3 });
    expect(notices).toEqual([
      "x: 'time' is not one of steps | passes | wall; using 'steps'.",
      "y: 'sqrt' is not log | linear; using 'log'.",
      'smooth: 2 is outside 0…0.99; using 0.99.',
      'seeds: 2.6 is outside 1…8 (whole numbers); using 3.',
    ]);
  });

  it('golden links (written before the view keys) decode with no view, so they open with the defaults', () => {
    const links = readFileSync(new URL('../../fixtures/golden/links.tsv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const decoded = decodeConfig(link);
      expect(decoded.view, link).toBeUndefined();
      expect(decoded.notices, link).toEqual([]);
      // Re-encoded with the default view, the link is what it was before the keys existed.
      expect(encodeConfig(decoded.config, { view: { ...VIEW_DEFAULTS } })).toBe(encodeConfig(decoded.config));
    }
  });
});
