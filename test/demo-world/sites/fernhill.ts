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
import { COOKIEYES_BANNER } from './consent-banner';

/**
 * A tea shop that respects its visitors' choice (Fernhill Teas): a CookieYes banner, and Google
 * Analytics and the Meta pixel only once the visitor accepts. Before an answer and after a
 * refusal it has its session and the banner's own record, nothing else.
 */

export const FERNHILL_HOST = 'www.fernhill-tea.test';

export function fernhillSite(): DemoSite {
  function home(req: DemoRequest): DemoResponse {
    const cookies = req.cookies.has('PHPSESSID')
      ? []
      : [setCookie({ name: 'PHPSESSID', value: token(13), secure: true, httpOnly: true, sameSite: 'Lax' })];
    return {
      ...page({
        title: 'Fernhill Teas',
        scripts: ['/static/fernhill-consent.js'],
        body: `<header><h1>Fernhill Teas</h1></header>
<main><ul id="teas"><li>First flush Darjeeling</li><li>Gyokuro</li><li>Lapsang souchong</li></ul></main>
${COOKIEYES_BANNER}`,
      }),
      cookies,
    };
  }

  return {
    hosts: [FERNHILL_HOST],
    handle(req) {
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      if (req.path === '/') return home(req);
      if (req.path === '/static/fernhill-consent.js') return publicScript('fernhill-consent.js');
      return notFound();
    },
  };
}
