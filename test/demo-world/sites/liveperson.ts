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
 * LivePerson Conversational Cloud (seed 001) on its own domain, as embedded by the shop: the
 * monitoring tag sets LivePerson's third-party cookies from its host and the site's first-party
 * ones from script (without Secure or HttpOnly: LivePerson's first-party mode supports neither);
 * the conversation window sets the conversation cookies on LivePerson's domain.
 */

export const LIVEPERSON_DOMAIN = 'liveperson-demo.test';
export const LIVEPERSON_TAG_HOST = `lptag.${LIVEPERSON_DOMAIN}`;
export const LIVEPERSON_CHAT_HOST = `chat.${LIVEPERSON_DOMAIN}`;
export const LIVEPERSON_SITE_ID = '12345';

const YEAR = 365 * 86_400;

/** LivePerson's own cookies: on its registrable domain, sent in every embedding site's context. */
function thirdParty(name: string, value: string, options: { maxAge?: number; httpOnly?: boolean } = {}): string {
  return setCookie({
    name,
    value,
    domain: LIVEPERSON_DOMAIN,
    secure: true,
    sameSite: 'None',
    ...options,
  });
}

export function livepersonSite(): DemoSite {
  function tag(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    if (!req.cookies.has('LPVisitorID')) {
      cookies.push(thirdParty('LPVisitorID', token(11, 'base64url'), { maxAge: YEAR, httpOnly: true }));
    }
    if (!req.cookies.has('LPSessionID')) {
      cookies.push(thirdParty('LPSessionID', token(11, 'base64url'), { httpOnly: true }));
    }
    return { ...publicScript('lp-tag.js'), cookies };
  }

  function chatWindow(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    if (!req.cookies.has('LivePersonID')) {
      cookies.push(thirdParty('LivePersonID', `LP${token(8, 'hex')}`, { maxAge: YEAR }));
    }
    const site = req.query.get('site') ?? LIVEPERSON_SITE_ID;
    return {
      ...page({
        title: 'Chat',
        scripts: [`/chat/window.js?site=${encodeURIComponent(site)}`],
        body: '<p id="chat-state">An agent is available. Ask us anything.</p>',
      }),
      cookies,
    };
  }

  return {
    hosts: [LIVEPERSON_TAG_HOST, LIVEPERSON_CHAT_HOST],
    handle(req) {
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      if (req.host === LIVEPERSON_TAG_HOST && req.path === '/tag/tag.js') return tag(req);
      if (req.host === LIVEPERSON_CHAT_HOST && req.path === '/chat/window') return chatWindow(req);
      if (req.host === LIVEPERSON_CHAT_HOST && req.path === '/chat/window.js') return publicScript('lp-chat-window.js');
      return notFound();
    },
  };
}
