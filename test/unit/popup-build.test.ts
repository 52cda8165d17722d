import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { restorePopup, separatePopup } from '../../scripts/lib/vite-popup-build-plugin';

const POPUP = manifest.action.default_popup;

describe('separatePopup', () => {
  it('hands the extension build the manifest without the popup, every other key in its place', () => {
    const without = separatePopup(POPUP, 'chrome120').manifestWithoutPopup(manifest) as typeof manifest;
    expect(Object.keys(without)).toEqual(Object.keys(manifest));
    expect(without.action).toEqual({
      default_title: manifest.action.default_title,
      default_icon: manifest.action.default_icon,
    });
    // The source is left alone: the Firefox manifest is derived from it afterwards.
    expect(manifest.action.default_popup).toBe(POPUP);
  });

  it('refuses a manifest whose popup is another page, rather than ship a popup nobody built', () => {
    const other = { ...manifest, action: { ...manifest.action, default_popup: 'src/other/index.html' } };
    expect(() => separatePopup(POPUP, 'chrome120').manifestWithoutPopup(other)).toThrow(/default_popup/);
  });

  it('writes the popup back into the built manifest where the source has it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'popup-build-'));
    const path = join(dir, 'manifest.json');
    const without = separatePopup(POPUP, 'chrome120').manifestWithoutPopup(manifest);
    writeFileSync(path, JSON.stringify(without, null, 2));
    restorePopup(path, POPUP);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });
});
