import {
  type DemoRequest,
  type DemoResponse,
  type DemoSite,
  escapeHtml,
  notFound,
  page,
  publicScript,
  redirect,
  setCookie,
  token,
} from '../http';
import { SOCIAL_HOST } from './social';

/**
 * A reading club where a person signs in: a form protected by a CSRF cookie (`csrftoken`), a
 * server-side session under a name no catalog knows (`plk`, HttpOnly, a random value), analytics
 * and advertising cookies from the page script, and an embedded Like button of the social demo
 * platform, whose sign-in cookie serves the button too. The page says whether the server still
 * knows the person, so a reload shows whether a deletion signed them out.
 */

export const PAPERLEAF_HOST = 'www.paperleaf.test';
const SESSION = 'plk';
const CSRF = 'csrftoken';

export function paperleafSite(): DemoSite {
  /** Session id -> user name. */
  const sessions = new Map<string, string>();

  function home(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    let csrf = req.cookies.get(CSRF);
    if (!csrf) {
      csrf = token(16, 'hex');
      cookies.push(setCookie({ name: CSRF, value: csrf, secure: true, sameSite: 'Lax', maxAge: 365 * 86_400 }));
    }
    const user = sessions.get(req.cookies.get(SESSION) ?? '');
    const social = req.origin(SOCIAL_HOST);
    const state = user
      ? `<p id="login-state" data-state="logged-in">Signed in as ${escapeHtml(user)}</p>`
      : `<p id="login-state" data-state="logged-out">Not signed in</p>
<form method="post" action="/login"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<input name="user" value="ada" aria-label="User name"><button id="login">Sign in</button></form>`;
    return {
      ...page({
        title: 'Paperleaf reading club',
        body: `<h1>Paperleaf</h1>${state}
<iframe id="like" title="Like" src="${escapeHtml(`${social}/plugins/like`)}" width="300" height="60"></iframe>`,
        scripts: ['/paperleaf.js'],
        frameOrigins: [social],
      }),
      cookies,
    };
  }

  return {
    hosts: [PAPERLEAF_HOST],
    handle(req) {
      if (req.method === 'GET' && req.path === '/') return home(req);
      if (req.method === 'GET' && req.path === '/paperleaf.js') return publicScript('paperleaf.js');
      if (req.method === 'POST' && req.path === '/login') {
        // A form whose CSRF cookie is gone fails, as real sites' forms do.
        if (!req.cookies.get(CSRF) || req.form.get('csrf') !== req.cookies.get(CSRF)) {
          return { status: 403, type: 'text', body: 'The form expired. Reload and try again.' };
        }
        const sid = token(24, 'base64url');
        sessions.set(sid, req.form.get('user') || 'ada');
        return redirect('/', [setCookie({ name: SESSION, value: sid, secure: true, httpOnly: true, sameSite: 'Lax' })]);
      }
      return notFound();
    },
  };
}
