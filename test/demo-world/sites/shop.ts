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
import { LIVEPERSON_CHAT_HOST, LIVEPERSON_SITE_ID, LIVEPERSON_TAG_HOST } from './liveperson';
import { STARWALL_HOST } from './starwall';

/**
 * A shop like many: its own PHP session and two cookies no catalog knows, LivePerson's chat (a
 * monitoring tag script and a conversation window from LivePerson's hosts), an ad network's pixel
 * and frame, and a reviews widget. The third parties set their cookies from their own hosts.
 */

export const SHOP_HOST = 'www.lumen-shop.test';

export function shopSite(): DemoSite {
  function home(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    if (!req.cookies.has('PHPSESSID')) {
      cookies.push(
        setCookie({ name: 'PHPSESSID', value: token(13, 'hex'), secure: true, httpOnly: true, sameSite: 'Lax' }),
      );
    }
    // The shop's own layout experiment: not in any catalog.
    if (!req.cookies.has('lmn_tilt')) {
      cookies.push(setCookie({ name: 'lmn_tilt', value: '2', maxAge: 30 * 86_400, secure: true, sameSite: 'Lax' }));
    }
    const lp = req.origin(LIVEPERSON_TAG_HOST);
    const chat = req.origin(LIVEPERSON_CHAT_HOST);
    const ads = req.origin(ADSMETRIC_HOST);
    const reviews = req.origin(STARWALL_HOST);
    return {
      ...page({
        title: 'Lumen Lamps',
        scripts: ['/static/shop.js', `${lp}/tag/tag.js?site=${LIVEPERSON_SITE_ID}`],
        scriptOrigins: [lp],
        frameOrigins: [chat, ads, reviews],
        imageOrigins: [ads],
        body: `<header><h1>Lumen Lamps</h1><p id="cart">Cart: 0 items</p></header>
<main>
<ul id="products"><li>Brass desk lamp</li><li>Paper pendant</li><li>Reading light</li></ul>
<iframe id="reviews" title="Reviews" src="${reviews}/reviews?shop=lumen" width="320" height="80"></iframe>
<iframe id="ad" title="Advertisement" src="${ads}/frame?pub=lumen" width="320" height="60"></iframe>
</main>
<aside><iframe id="chat" title="Chat with us" src="${chat}/chat/window?site=${LIVEPERSON_SITE_ID}" width="320" height="200"></iframe></aside>
<img id="pixel" alt="" src="${ads}/px.gif?pub=lumen&amp;ev=pageview" width="1" height="1">`,
      }),
      cookies,
    };
  }

  return {
    hosts: [SHOP_HOST],
    handle(req) {
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      if (req.path === '/') return home(req);
      if (req.path === '/static/shop.js') return publicScript('shop.js');
      return notFound();
    },
  };
}
