import { type DemoSite, notFound, page, setCookie } from '../http';

/** A reviews widget embedded in a frame: one partitioned session cookie that no catalog knows. */

export const STARWALL_HOST = 'widget.starwall-demo.test';

export function starwallSite(): DemoSite {
  return {
    hosts: [STARWALL_HOST],
    handle(req) {
      if (req.method !== 'GET' || req.path !== '/reviews') return notFound();
      return {
        ...page({ title: 'Reviews', body: '<p id="stars">4.6 of 5 stars (212 reviews)</p>' }),
        cookies: req.cookies.has('stw_seen')
          ? []
          : [setCookie({ name: 'stw_seen', value: '1', secure: true, sameSite: 'None', partitioned: true })],
      };
    },
  };
}
