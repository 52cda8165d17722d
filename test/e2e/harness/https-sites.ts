import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One HTTPS server on loopback that answers for many hostnames (`*.test`, mapped to 127.0.0.1 by
 * Chromium's host-resolver rules), with a self-signed certificate made at test time. Secure,
 * SameSite=None and Partitioned cookies need HTTPS, so every test site is served this way.
 */

export type SiteHandler = (req: IncomingMessage, res: ServerResponse, host: string) => void;

export interface HttpsSites {
  port: number;
  /** `https://<host>:<port><path>` */
  url(host: string, path?: string): string;
  /** Rules to pass to Chromium so every `*.test` host reaches this server. */
  hostResolverRules: string;
  close(): Promise<void>;
}

export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-inspector-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=cookie-inspector.test',
        '-addext',
        'subjectAltName=DNS:*.test,DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startHttpsSites(handler: SiteHandler): Promise<HttpsSites> {
  const server = createServer(makeCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    try {
      handler(req, res, host);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path = '/') => `https://${host}:${port}${path}`,
    hostResolverRules: 'MAP *.test 127.0.0.1',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
