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
import { ADSMETRIC_HOST } from './adsmetric';
import { adsPixel, COMPLIANZ_BANNER } from './consent-banner';

/**
 * An outdoor shop that does not respect its visitors' choice (Quarry Outdoor): a Complianz banner
 * that records the answer faithfully, while the Meta pixel's cookie and an ad network's identifier
 * are set on the first visit, before any answer, and stay after a refusal. Google Analytics waits
 * for consent, as the banner promises.
 */

export const QUARRY_HOST = 'www.quarry-outdoor.test';

export function quarrySite(): DemoSite {
  function home(req: DemoRequest): DemoResponse {
    const cookies = req.cookies.has('PHPSESSID')
      ? []
      : [setCookie({ name: 'PHPSESSID', value: token(13), secure: true, httpOnly: true, sameSite: 'Lax' })];
    return {
      ...page({
        title: 'Quarry Outdoor',
        scripts: ['/static/quarry-consent.js'],
        imageOrigins: [req.origin(ADSMETRIC_HOST)],
        body: `<header><h1>Quarry Outdoor</h1></header>
<main><ul id="gear"><li>Approach shoes</li><li>Chalk bag</li><li>Trekking poles</li></ul></main>
${adsPixel(req.origin, 'quarry')}
${COMPLIANZ_BANNER}`,
      }),
      cookies,
    };
  }

  return {
    hosts: [QUARRY_HOST],
    handle(req) {
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      if (req.path === '/') return home(req);
      if (req.path === '/static/quarry-consent.js') return publicScript('quarry-consent.js');
      return notFound();
    },
  };
}
