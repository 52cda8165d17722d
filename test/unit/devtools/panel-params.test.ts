import { describe, expect, it } from 'vitest';
import { decodedValue } from '../../../src/devtools/components/detail-pane';
import { type DownloadTarget, downloadFile } from '../../../src/devtools/download';
import { parsePanelParams } from '../../../src/devtools/panel-params';

describe('parsePanelParams', () => {
  it('reads the tab id and the DevTools theme', () => {
    expect(parsePanelParams('?tabId=42&theme=dark')).toEqual({ tabId: 42, theme: 'dark' });
    expect(parsePanelParams('?tabId=7&theme=default')).toEqual({ tabId: 7, theme: 'light' });
    expect(parsePanelParams('?tabId=7')).toEqual({ tabId: 7, theme: null });
  });

  it('refuses anything that is not a whole tab id', () => {
    for (const bad of ['', '?tabId=', '?tabId=-1', '?tabId=1.5', '?tabId=abc', '?tabId=1e3', `?tabId=${2 ** 60}`]) {
      expect(parsePanelParams(bad).tabId).toBeNull();
    }
    expect(parsePanelParams('?theme=<script>').theme).toBeNull();
  });
});

describe('decodedValue', () => {
  it('shows a URL-decoded value only when it differs and is valid', () => {
    expect(decodedValue('a%20b%7Cc')).toBe('a b|c');
    expect(decodedValue('plain')).toBeNull();
    expect(decodedValue('%E0%A4%A')).toBeNull();
    expect(decodedValue('100%')).toBeNull();
  });
});

describe('downloadFile', () => {
  it('saves the text through a Blob link with the file name, then releases the Blob', async () => {
    const calls: string[] = [];
    let saved: Blob | null = null;
    const target: DownloadTarget = {
      createObjectURL: (blob) => {
        saved = blob;
        return 'blob:1';
      },
      revokeObjectURL: (url) => calls.push(`revoke ${url}`),
      clickLink: (href, name) => calls.push(`click ${href} ${name}`),
    };
    downloadFile({ fileName: 'cookies.csv', mimeType: 'text/csv;charset=utf-8', text: 'a,b\r\n', skipped: [] }, target);
    expect(calls).toEqual(['click blob:1 cookies.csv']);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['click blob:1 cookies.csv', 'revoke blob:1']);
    expect(await (saved as unknown as Blob).text()).toBe('a,b\r\n');
    expect((saved as unknown as Blob).type).toBe('text/csv;charset=utf-8');
  });
});
