import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The store listings (docs/store/) fit what the stores accept. */

const DIR = resolve(import.meta.dirname, '../../docs/store');
const HEADINGS = { en: 'Short description', nb: 'Kort beskrivelse', de: 'Kurzbeschreibung' } as const;

describe.each(Object.entries(HEADINGS))('the %s listing', (language, heading) => {
  const text = readFileSync(resolve(DIR, `listing.${language}.md`), 'utf8');
  const short = text.split(`## ${heading}`)[1]?.split('\n## ')[0]?.trim() ?? '';

  it('has a short description the Chrome Web Store accepts (at most 132 characters)', () => {
    expect(short.length).toBeGreaterThan(40);
    expect([...short].length).toBeLessThanOrEqual(132);
  });

  it('has a full description that names what one click keeps', () => {
    expect(text.split('\n## ').length).toBe(3);
    expect(text).toMatch(/Meta/);
  });
});
