import { UsageError } from './io';

/**
 * The URL list of `scan --urls FILE`: one URL a line (blank lines and `#` comments skipped), or a
 * sitemap (`<urlset>` of `<loc>` entries). Duplicates are dropped, first one kept, so a resumed
 * run and a shard see each URL once.
 */
export function parseUrlList(text: string, file: string): string[] {
  const trimmed = text.trim();
  const urls = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?(urlset|sitemapindex)\b/.test(trimmed)
    ? fromSitemap(trimmed, file)
    : trimmed
        .split(/\r\n|\r|\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
  const unique = [...new Set(urls)];
  if (unique.length === 0) throw new UsageError(`--urls ${file} lists no URLs`);
  return unique;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fromSitemap(xml: string, file: string): string[] {
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?sitemapindex\b/.test(xml)) {
    throw new UsageError(
      `--urls ${file} is a sitemap index, which lists other sitemaps, not pages: give one of the sitemaps it lists`,
    );
  }
  const urls: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?loc>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))\s*<\/(?:\w+:)?loc>/g)) {
    const raw = match[1] ?? match[2] ?? '';
    urls.push(
      raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, body: string) => {
        if (body.startsWith('#x') || body.startsWith('#X'))
          return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
        if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
        return XML_ENTITIES[body] ?? entity;
      }),
    );
  }
  return urls.map((u) => u.trim()).filter((u) => u !== '');
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/8` -> the second of eight shards. */
export function parseShard(value: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes I/N with 1 <= I <= N, for example 2/8, not "${value}"`);
  }
  return { index, count };
}

/**
 * The URLs of one shard. A URL's shard follows from the URL alone (a hash of it), not from its
 * place in the list, so that every machine agrees without sharing state, and a list that gains
 * or loses URLs moves no other URL to another shard.
 */
export function inShard(urls: readonly string[], shard: Shard): string[] {
  return urls.filter((url) => fnv1a(url) % shard.count === shard.index - 1);
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, stable and well spread for short strings. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface ResumeState {
  /** URLs that already have a line. */
  done: Set<string>;
  /** Lines that are not a result (an interrupted write): their URLs are scanned again. */
  badLines: number;
  /** The file does not end with a line break: the first line written must start on a new one. */
  needsNewline: boolean;
}

/** Reads the JSON lines of an earlier run, line by line, so a file of any size costs one line of memory. */
export async function readResume(lines: AsyncIterable<string>, lastByteIsNewline: boolean): Promise<ResumeState> {
  const state: ResumeState = { done: new Set(), badLines: 0, needsNewline: !lastByteIsNewline };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const url = (JSON.parse(line) as { url?: unknown }).url;
      if (typeof url === 'string') state.done.add(url);
      else state.badLines += 1;
    } catch {
      state.badLines += 1;
    }
  }
  return state;
}
