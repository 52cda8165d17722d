import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/**
 * The small vocabulary every demo site is written in: a parsed request, a response to send, and
 * `Set-Cookie` headers with every attribute spelled out, as real servers send them.
 */

export interface DemoRequest {
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  /** Cookies the browser sent, by name. */
  cookies: Map<string, string>;
  form: URLSearchParams;
  /** `https://<host>:<port>` of any demo host: every host is served by the same server. */
  origin(host: string): string;
}

export type ContentType = 'html' | 'js' | 'css' | 'gif' | 'text';

export interface DemoResponse {
  status?: number;
  type?: ContentType;
  body?: string | Buffer;
  /** `Set-Cookie` values, see `setCookie`. */
  cookies?: string[];
  headers?: Record<string, string>;
}

export type SiteHandler = (request: DemoRequest) => DemoResponse;

export interface DemoSite {
  /** The hostnames this site answers for. */
  hosts: readonly string[];
  handle: SiteHandler;
}

export const CONTENT_TYPES: Record<ContentType, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  gif: 'image/gif',
  text: 'text/plain; charset=utf-8',
};

export interface CookieSpec {
  name: string;
  value: string;
  /** Seconds; omitted for a session cookie. Negative or zero deletes the cookie. */
  maxAge?: number;
  /** With a domain the cookie is a domain cookie; without it, host-only. */
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  partitioned?: boolean;
}

/** One `Set-Cookie` header value. */
export function setCookie(spec: CookieSpec): string {
  const parts = [`${spec.name}=${spec.value}`, `Path=${spec.path ?? '/'}`];
  if (spec.domain) parts.push(`Domain=${spec.domain}`);
  if (spec.maxAge !== undefined) {
    parts.push(`Max-Age=${spec.maxAge}`);
    parts.push(`Expires=${new Date(Date.now() + spec.maxAge * 1000).toUTCString()}`);
  }
  if (spec.secure) parts.push('Secure');
  if (spec.httpOnly) parts.push('HttpOnly');
  if (spec.sameSite) parts.push(`SameSite=${spec.sameSite}`);
  if (spec.partitioned) parts.push('Partitioned');
  return parts.join('; ');
}

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A random token of `bytes` bytes in the given alphabet, like the identifiers real sites issue. */
export function token(bytes: number, encoding: 'hex' | 'base64url' = 'hex'): string {
  return randomBytes(bytes).toString(encoding);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PUBLIC_DIR = join(import.meta.dirname, 'public');
const scriptCache = new Map<string, string>();

/** A page script from `public/`: the demo pages load their own scripts, never inline ones. */
export function publicScript(file: string): DemoResponse {
  let body = scriptCache.get(file);
  if (body === undefined) {
    body = readFileSync(join(PUBLIC_DIR, file), 'utf8');
    scriptCache.set(file, body);
  }
  return { type: 'js', body, headers: { 'cache-control': 'no-store' } };
}

/** The 43-byte transparent GIF that tracking pixels answer with. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function notFound(): DemoResponse {
  return { status: 404, type: 'text', body: 'Not found' };
}

export function redirect(location: string, cookies: string[] = []): DemoResponse {
  return { status: 303, headers: { location }, cookies };
}

/** A complete HTML page with a CSP that allows only the listed script origins. */
export function page(options: {
  title: string;
  body: string;
  scripts?: string[];
  scriptOrigins?: string[];
  frameOrigins?: string[];
  imageOrigins?: string[];
  lang?: string;
}): DemoResponse {
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n');
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${(options.scriptOrigins ?? []).join(' ')}`.trim(),
    `frame-src 'self' ${(options.frameOrigins ?? []).join(' ')}`.trim(),
    `img-src 'self' data: ${(options.imageOrigins ?? []).join(' ')}`.trim(),
    "style-src 'self'",
    "base-uri 'none'",
  ].join('; ');
  return {
    type: 'html',
    headers: { 'content-security-policy': csp, 'cache-control': 'no-store' },
    body: `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
${scripts}
</head>
<body>
${options.body}
</body>
</html>
`,
  };
}
