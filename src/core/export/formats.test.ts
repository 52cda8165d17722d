import { describe, expect, it } from 'vitest';
import { makeCookie } from '../../../test/support/export-records';
import { EXPORT_FORMATS, exportCookies, exportFileName } from './formats';

const context = { now: 1_750_000_000.25, url: 'https://shop.test/', site: 'shop.test' };

describe('exportFileName', () => {
  it('names the site and the moment, with an extension per format', () => {
    expect(exportFileName('json', context)).toBe('cookies-shop.test-2025-06-15T150640Z.json');
    expect(exportFileName('csv', context)).toBe('cookies-shop.test-2025-06-15T150640Z.csv');
    expect(exportFileName('netscape', context)).toBe('cookies-shop.test-2025-06-15T150640Z.txt');
    expect(exportFileName('markdown', context)).toBe('cookie-declaration-shop.test-2025-06-15T150640Z.md');
  });

  it('never lets a site name a path or hidden file', () => {
    expect(exportFileName('csv', { now: 0, site: '../../etc/passwd' })).toBe(
      'cookies-etc_passwd-1970-01-01T000000Z.csv',
    );
    expect(exportFileName('csv', { now: 0, site: null })).toBe('cookies-1970-01-01T000000Z.csv');
  });
});

describe('exportCookies', () => {
  it.each(EXPORT_FORMATS)('produces %s text with a MIME type', (format) => {
    const file = exportCookies(format, [makeCookie()], context);
    expect(file.text).toContain('_acme');
    expect(file.mimeType).toMatch(/^(application|text)\//);
    expect(file.fileName.startsWith('cookie')).toBe(true);
    expect(file.skipped).toEqual([]);
  });

  it('passes on what cookies.txt had to leave out', () => {
    const file = exportCookies('netscape', [makeCookie({ value: 'a\tb' })], context);
    expect(file.skipped).toEqual([{ name: '_acme', domain: '.example.test', reason: 'tab-or-line-break' }]);
  });
});
