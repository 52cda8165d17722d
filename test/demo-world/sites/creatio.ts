import {
  type DemoRequest,
  type DemoResponse,
  type DemoSite,
  notFound,
  page,
  publicScript,
  setCookie,
  token,
} from '../http';

/**
 * A Creatio application (seed 002) behind an Imperva-style web application firewall. The firewall
 * adds its visitor and session cookies to every response, on the whole registrable domain; the
 * application sets its loader, session and CSRF cookies; the page's scripts write `bpmHref` and
 * `bpmRef`, and Google Analytics' tag writes `_ga` and `_ga_<id>` once it has loaded.
 */

export const CREATIO_HOST = 'crm.creatio-demo.test';
const CREATIO_DOMAIN = 'creatio-demo.test';
export const IMPERVA_SITE_ID = '2817364';
export const IMPERVA_NODE_ID = '1320';
export const GA_MEASUREMENT_ID = 'K7Q2X9LM';

/** What the firewall in front of the application adds before the response leaves. */
function firewallCookies(req: DemoRequest): string[] {
  const cookies: string[] = [];
  const visitor = `visid_incap_${IMPERVA_SITE_ID}`;
  const session = `incap_ses_${IMPERVA_NODE_ID}_${IMPERVA_SITE_ID}`;
  if (!req.cookies.has(visitor)) {
    cookies.push(
      setCookie({
        name: visitor,
        value: token(48, 'base64url'),
        maxAge: 365 * 86_400,
        domain: CREATIO_DOMAIN,
        secure: true,
        httpOnly: true,
        sameSite: 'None',
      }),
    );
  }
  if (!req.cookies.has(session)) {
    cookies.push(
      setCookie({
        name: session,
        value: token(40, 'base64url'),
        domain: CREATIO_DOMAIN,
        secure: true,
        sameSite: 'None',
      }),
    );
  }
  return cookies;
}

function shell(req: DemoRequest): DemoResponse {
  const cookies: string[] = [];
  const session = { secure: true, httpOnly: true, sameSite: 'Lax' } as const;
  if (!req.cookies.has('BPMLOADER'))
    cookies.push(setCookie({ name: 'BPMLOADER', value: token(12, 'hex'), ...session }));
  if (!req.cookies.has('BPMSESSIONID')) {
    cookies.push(setCookie({ name: 'BPMSESSIONID', value: token(12, 'base64url'), ...session }));
  }
  // The client reads the CSRF token to send it back in a header, so it is not HttpOnly.
  if (!req.cookies.has('BPMCSRF')) {
    cookies.push(setCookie({ name: 'BPMCSRF', value: token(16, 'base64url'), secure: true, sameSite: 'Lax' }));
  }
  return {
    ...page({
      title: 'Creatio',
      scripts: ['/0/core/app.js', `/gtag/js?id=G-${GA_MEASUREMENT_ID}`],
      body: `<header><h1>Creatio</h1><p id="user">Supervisor</p></header>
<main><h2>Accounts</h2><table id="accounts"><tr><td>Northwind</td><td>Oslo</td></tr><tr><td>Contoso</td><td>Bergen</td></tr></table></main>`,
    }),
    cookies,
  };
}

export function creatioSite(): DemoSite {
  return {
    hosts: [CREATIO_HOST],
    handle(req) {
      const response = route(req);
      return { ...response, cookies: [...firewallCookies(req), ...(response.cookies ?? [])] };
    },
  };
}

function route(req: DemoRequest): DemoResponse {
  if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
  switch (req.path) {
    case '/':
      return shell(req);
    case '/0/core/app.js':
      return publicScript('creatio-app.js');
    case '/gtag/js':
      return publicScript('creatio-gtag.js');
    default:
      return notFound();
  }
}
