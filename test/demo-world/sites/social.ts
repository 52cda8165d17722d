import { type DemoRequest, type DemoSite, escapeHtml, notFound, page, redirect, setCookie, token } from '../http';

/**
 * A social platform that other sites embed (a Like button), with Facebook's cookie names on a demo
 * domain: signing in sets `c_user` and `xs` (the sign-in, which the embedded button also reads),
 * `datr` (browser security) and the advertising cookie `fr`, all `SameSite=None` so that they reach
 * the button on other sites. The button says whether the person is signed in, so a test sees a
 * sign-out as the person would.
 */

export const SOCIAL_HOST = 'www.facebook-demo.test';
const SOCIAL_DOMAIN = 'facebook-demo.test';
const YEAR = 365 * 86_400;

export function socialSite(): DemoSite {
  /** `xs` token -> user id. */
  const sessions = new Map<string, string>();
  const crossSite = { domain: SOCIAL_DOMAIN, secure: true, sameSite: 'None' as const, maxAge: YEAR };

  const signedIn = (req: DemoRequest): string | null => {
    const user = sessions.get(req.cookies.get('xs') ?? '');
    return user && req.cookies.get('c_user') === user ? user : null;
  };

  return {
    hosts: [SOCIAL_HOST],
    handle(req) {
      if (req.method === 'POST' && req.path === '/login') {
        const user = String(1000 + sessions.size);
        const xs = token(24, 'base64url');
        sessions.set(xs, user);
        return redirect('/', [
          setCookie({ name: 'c_user', value: user, ...crossSite }),
          setCookie({ name: 'xs', value: xs, httpOnly: true, ...crossSite }),
          setCookie({ name: 'datr', value: token(18, 'base64url'), httpOnly: true, ...crossSite }),
          setCookie({ name: 'fr', value: token(30, 'base64url'), httpOnly: true, ...crossSite }),
        ]);
      }
      if (req.method !== 'GET') return notFound();
      const user = signedIn(req);
      if (req.path === '/') {
        const body = user
          ? `<p id="social-state" data-state="signed-in">Signed in as user ${escapeHtml(user)}</p>`
          : '<form method="post" action="/login"><button id="social-login">Sign in</button></form><p id="social-state" data-state="signed-out">Signed out</p>';
        return page({ title: 'Facebook demo', body });
      }
      if (req.path === '/plugins/like') {
        // The button's own request refreshes the advertising cookie, as the real one does.
        const cookies = user
          ? [setCookie({ name: 'fr', value: token(30, 'base64url'), httpOnly: true, ...crossSite })]
          : [];
        const body = user
          ? `<p id="like-state" data-state="signed-in">Like as user ${escapeHtml(user)}</p>`
          : '<p id="like-state" data-state="signed-out">Sign in to like</p>';
        return { ...page({ title: 'Like', body }), cookies };
      }
      return notFound();
    },
  };
}
