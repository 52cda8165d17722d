import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpsSites } from '../e2e/harness/https-sites';
import {
  CONTENT_TYPES,
  type DemoRequest,
  type DemoResponse,
  type DemoSite,
  escapeHtml,
  page,
  parseCookieHeader,
  readBody,
} from './http';
import { DEMO_PAGES, type DemoPage, type DemoPageId } from './pages';
import { adsmetricSite } from './sites/adsmetric';
import { creatioSite } from './sites/creatio';
import { deskproSite } from './sites/deskpro';
import { fernhillSite } from './sites/fernhill';
import { livepersonSite } from './sites/liveperson';
import { paperleafSite } from './sites/paperleaf';
import { quarrySite } from './sites/quarry';
import { shopSite } from './sites/shop';
import { socialSite } from './sites/social';
import { starwallSite } from './sites/starwall';

/**
 * The demo world: every demo site on one HTTPS server on loopback, told apart by host name. Each
 * start gets fresh server-side state (sessions, remember-me tokens). Every request is logged, so
 * tests can check who asked for what.
 */

export const INDEX_HOST = 'www.demo-world.test';

export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  origin: string | null;
  referer: string | null;
  fetchSite: string | null;
  fetchDest: string | null;
}

export interface DemoWorld {
  port: number;
  /** Chromium's `--host-resolver-rules` value that sends every `*.test` host here. */
  hostResolverRules: string;
  url(host: string, path?: string): string;
  pageUrl(id: DemoPageId): string;
  pages: readonly DemoPage[];
  /** Every request received so far, oldest first. */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export async function startDemoWorld(): Promise<DemoWorld> {
  const sites = [
    deskproSite(),
    shopSite(),
    livepersonSite(),
    creatioSite(),
    adsmetricSite(),
    starwallSite(),
    paperleafSite(),
    socialSite(),
    fernhillSite(),
    quarrySite(),
  ];
  const byHost = new Map<string, DemoSite>();
  for (const site of sites) for (const host of site.hosts) byHost.set(host, site);
  const requests: LoggedRequest[] = [];
  let port = 0;
  const origin = (host: string) => `https://${host}:${port}`;

  async function respond(req: IncomingMessage, res: ServerResponse, host: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin(host));
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : null;
    };
    requests.push({
      method: req.method ?? 'GET',
      host,
      path: url.pathname,
      origin: header('origin'),
      referer: header('referer'),
      fetchSite: header('sec-fetch-site'),
      fetchDest: header('sec-fetch-dest'),
    });
    // A page that never answers, for tests of load timeouts; closing the world ends it.
    if (host === INDEX_HOST && url.pathname === '/never') return;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const request: DemoRequest = {
      method: req.method ?? 'GET',
      host,
      path: url.pathname,
      query: url.searchParams,
      cookies: parseCookieHeader(req.headers.cookie),
      form: new URLSearchParams(body),
      origin,
    };
    const site = byHost.get(host);
    const response =
      request.path === '/favicon.ico'
        ? { status: 204 }
        : site
          ? site.handle(request)
          : host === INDEX_HOST
            ? index()
            : misdirected(host);
    send(res, response);
  }

  const server = await startHttpsSites((req, res, host) => {
    respond(req, res, host).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': CONTENT_TYPES.text });
      res.end(String(error));
    });
  });
  port = server.port;
  return {
    port,
    hostResolverRules: server.hostResolverRules,
    url: (host, path = '/') => server.url(host, path),
    pageUrl: (id) => {
      const found = DEMO_PAGES.find((p) => p.id === id);
      if (!found) throw new Error(`no demo page ${id}`);
      return server.url(found.host, found.path);
    },
    pages: DEMO_PAGES,
    requests,
    close: () => server.close(),
  };

  function index(): DemoResponse {
    const items = DEMO_PAGES.map((p) => {
      const href = origin(p.host) + p.path;
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(p.title)}</a> <code>${escapeHtml(href)}</code></li>`;
    }).join('\n');
    return page({ title: 'Cookie Inspector demo world', body: `<h1>Demo world</h1><ul>${items}</ul>` });
  }
}

function misdirected(host: string): DemoResponse {
  return { status: 421, type: 'text', body: `No demo site answers for ${host}.` };
}

function send(res: ServerResponse, response: DemoResponse): void {
  const headers: Record<string, string | string[]> = {
    'content-type': CONTENT_TYPES[response.type ?? 'text'],
    ...response.headers,
  };
  if (response.cookies?.length) headers['set-cookie'] = response.cookies;
  res.writeHead(response.status ?? 200, headers);
  res.end(response.body ?? '');
}
