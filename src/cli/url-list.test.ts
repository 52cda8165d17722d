import { describe, expect, it } from 'vitest';
import { inShard, parseShard, parseUrlList, readResume } from './url-list';

async function* lines(...items: string[]) {
  yield* items;
}

describe('parseUrlList', () => {
  it('reads one URL a line, skipping blank lines, comments and repeats', () => {
    expect(parseUrlList('# sites\nhttps://a.test/\n\n  https://b.test/  \r\nhttps://a.test/\n', 'l.txt')).toEqual([
      'https://a.test/',
      'https://b.test/',
    ]);
  });

  it('reads a sitemap, entities and CDATA included, and refuses a sitemap index with a reason', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://a.test/?x=1&amp;y=2</loc><lastmod>2025-01-01</lastmod></url>
  <url><loc><![CDATA[https://b.test/p]]></loc></url>
</urlset>`;
    expect(parseUrlList(xml, 's.xml')).toEqual(['https://a.test/?x=1&y=2', 'https://b.test/p']);
    expect(() =>
      parseUrlList('<sitemapindex><sitemap><loc>https://a.test/s.xml</loc></sitemap></sitemapindex>', 'i.xml'),
    ).toThrow(/sitemap index/);
    expect(() => parseUrlList('# nothing\n', 'l.txt')).toThrow(/lists no URLs/);
  });
});

describe('shards', () => {
  const urls = Array.from({ length: 500 }, (_, i) => `https://site-${i}.test/`);

  it('split a list into slices that cover it once, whatever its order', () => {
    const slices = [1, 2, 3, 4].map((index) => inShard(urls, { index, count: 4 }));
    expect(slices.flat().sort()).toEqual([...urls].sort());
    for (const slice of slices) expect(slice.length).toBeGreaterThan(50);
    expect(inShard([...urls].reverse(), { index: 2, count: 4 }).sort()).toEqual([...slices[1]].sort());
  });

  it('parse I/N and refuse anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3'])
      expect(() => parseShard(bad)).toThrow(/--shard takes I\/N/);
  });
});

describe('readResume', () => {
  it('collects the URLs of an earlier run and counts the lines it cannot read', async () => {
    const state = await readResume(
      lines(
        '{"url":"https://a.test/","cookies":[]}',
        '',
        '{"url":"https://b.test/","error":{}}',
        '{"url":"https://c.te',
      ),
      false,
    );
    expect([...state.done]).toEqual(['https://a.test/', 'https://b.test/']);
    expect(state.badLines).toBe(1);
    expect(state.needsNewline).toBe(true);
  });
});
