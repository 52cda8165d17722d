import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** WCAG 2 contrast of every text colour on the backgrounds it is drawn on, in both themes. */

const css = readFileSync(resolve(import.meta.dirname, '../../../src/ui/theme.css'), 'utf8');

/** The light and dark colour of every `--name: light-dark(#light, #dark);` declaration. */
function palettes(source: string): { light: Record<string, string>; dark: Record<string, string> } {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const pair = /--([a-z0-9-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)\s*;/gi;
  for (const m of source.matchAll(pair)) {
    light[m[1]] = m[2];
    dark[m[1]] = m[3];
  }
  return { light, dark };
}

const { light, dark } = palettes(css);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [text, background] as the stylesheet combines them. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['fg', 'surface-strong'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['danger', 'danger-bg'],
  ['pill-third-fg', 'pill-third-bg'],
];

/** Graphics (bar parts, swatches, focus ring, the edges of controls) need 3:1 against the page. */
const GRAPHIC_PAIRS: Array<[string, string]> = [
  ['control-border', 'bg'],
  ['control-border', 'surface'],
  ['cat-essential', 'bg'],
  ['cat-functional', 'bg'],
  ['cat-analytics', 'bg'],
  ['cat-marketing', 'bg'],
  ['cat-unknown', 'bg'],
  ['focus', 'bg'],
  ['focus', 'surface'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_, colours) => {
  it('defines every colour the checks name', () => {
    for (const [a, b] of [...TEXT_PAIRS, ...GRAPHIC_PAIRS]) {
      expect(colours, a).toHaveProperty(a);
      expect(colours, b).toHaveProperty(b);
    }
  });

  it.each(TEXT_PAIRS)('draws %s text on %s at 4.5:1 or more', (text, background) => {
    expect(contrast(colours[text], colours[background])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(GRAPHIC_PAIRS)('draws %s on %s at 3:1 or more', (graphic, background) => {
    expect(contrast(colours[graphic], colours[background])).toBeGreaterThanOrEqual(3);
  });
});

it('computes contrast the WCAG way', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});
