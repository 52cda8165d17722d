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

/**
 * A Deskpro help-centre portal (seed 000). The server sets the session, CSRF and language cookies
 * and, on "Remember me", `dpreme`; the portal script sets the visitor token `dpv` and, a moment
 * later, the Messenger loader's two cookies. The page reports what the server saw in the request's
 * cookies, so a reload shows whether the session survived a deletion.
 */

export const DESKPRO_HOST = 'help.deskpro-demo.test';

const SESSION = 'dpsid-portal';
const CSRF = '_dp_csrf_token';
const LANGUAGE = 'dp_last_lang';
const REMEMBER = 'dpreme';
const REMEMBER_SECONDS = 30 * 86_400;

interface Session {
  user: string | null;
  /** How the current login happened. */
  via: 'form' | 'remember-me' | null;
}

export function deskproSite(): DemoSite {
  const sessions = new Map<string, Session>();
  const rememberTokens = new Map<string, string>();

  const sessionCookie = (sid: string) =>
    setCookie({ name: SESSION, value: sid, secure: true, httpOnly: true, sameSite: 'Lax' });

  function portal(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    let sid = req.cookies.get(SESSION);
    let session = sid ? sessions.get(sid) : undefined;
    if (!sid || !session) {
      sid = token(13, 'hex');
      const remembered = rememberTokens.get(req.cookies.get(REMEMBER) ?? '');
      session = remembered ? { user: remembered, via: 'remember-me' } : { user: null, via: null };
      sessions.set(sid, session);
      cookies.push(sessionCookie(sid));
    }
    let csrf = req.cookies.get(CSRF);
    if (!csrf) {
      csrf = token(20, 'hex');
      cookies.push(setCookie({ name: CSRF, value: csrf, secure: true, sameSite: 'Lax' }));
    }
    if (!req.cookies.has(LANGUAGE)) {
      cookies.push(setCookie({ name: LANGUAGE, value: 'en', secure: true, sameSite: 'Lax' }));
    }
    const remember = rememberTokens.has(req.cookies.get(REMEMBER) ?? '');
    const visitor = req.cookies.get('dpv') ?? 'none';
    const messenger = req.cookies.get('dpdefualtloader_time') ?? 'none';
    const loginState = session.user
      ? `<p id="login-state" data-state="logged-in">Logged in as ${escapeHtml(session.user)}${
          session.via === 'remember-me' ? ' (remembered)' : ''
        }</p>
<form method="post" action="/logout"><input type="hidden" name="${CSRF}" value="${csrf}"><button id="logout">Log out</button></form>`
      : `<p id="login-state" data-state="logged-out">Logged out</p>
<form method="post" action="/login" id="login-form">
<input type="hidden" name="${CSRF}" value="${csrf}">
<label>Email <input name="email" id="email" value="ada@example.test"></label>
<label>Password <input name="password" id="password" type="password" value="demo"></label>
<label><input type="checkbox" name="remember" id="remember" value="1" checked> Remember me</label>
<button id="login">Log in</button>
</form>`;
    return {
      ...page({
        title: 'Acme Help Center',
        scripts: ['/assets/portal.js'],
        body: `<header><h1>Acme Help Center</h1>${loginState}</header>
<dl id="site-state">
<dt>Remember me</dt><dd id="remember-state">${remember ? 'on' : 'off'}</dd>
<dt>Visitor token</dt><dd id="visitor-state">${escapeHtml(visitor)}</dd>
<dt>Messenger loader cached since</dt><dd id="messenger-state">${escapeHtml(messenger)}</dd>
</dl>
<main><h2>Knowledge base</h2><ul><li>Resetting your password</li><li>Exporting tickets</li></ul></main>`,
      }),
      cookies,
    };
  }

  function login(req: DemoRequest): DemoResponse {
    const sid = req.cookies.get(SESSION);
    const session = sid ? sessions.get(sid) : undefined;
    const csrf = req.cookies.get(CSRF);
    if (!session || !csrf || req.form.get(CSRF) !== csrf) {
      return { status: 403, type: 'text', body: 'Invalid session or CSRF token' };
    }
    const user = req.form.get('email') || 'guest';
    session.user = user;
    session.via = 'form';
    const cookies: string[] = [];
    if (req.form.get('remember') === '1') {
      const remember = token(24, 'base64url');
      rememberTokens.set(remember, user);
      cookies.push(
        setCookie({
          name: REMEMBER,
          value: remember,
          maxAge: REMEMBER_SECONDS,
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        }),
      );
    }
    return redirect('/', cookies);
  }

  function logout(req: DemoRequest): DemoResponse {
    const sid = req.cookies.get(SESSION);
    const session = sid ? sessions.get(sid) : undefined;
    if (!session || req.form.get(CSRF) !== req.cookies.get(CSRF)) {
      return { status: 403, type: 'text', body: 'Invalid session or CSRF token' };
    }
    session.user = null;
    session.via = null;
    rememberTokens.delete(req.cookies.get(REMEMBER) ?? '');
    return redirect('/', [
      setCookie({ name: REMEMBER, value: '', maxAge: 0, secure: true, httpOnly: true, sameSite: 'Lax' }),
    ]);
  }

  return {
    hosts: [DESKPRO_HOST],
    handle(req) {
      if (req.method === 'POST' && req.path === '/login') return login(req);
      if (req.method === 'POST' && req.path === '/logout') return logout(req);
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      switch (req.path) {
        case '/':
          return portal(req);
        case '/assets/portal.js':
          return publicScript('deskpro-portal.js');
        case '/messenger/loader.js':
          return publicScript('deskpro-messenger-loader.js');
        default:
          return notFound();
      }
    },
  };
}
