import {
  type DemoRequest,
  type DemoResponse,
  type DemoSite,
  notFound,
  PIXEL_GIF,
  page,
  setCookie,
  token,
} from '../http';

/**
 * An ad and analytics network: a pixel that sets a cross-site identifier, and an ad frame that
 * keeps a frequency cap in a partitioned (CHIPS) cookie, so the cap is per embedding site.
 */

export const ADSMETRIC_HOST = 'px.adsmetric.test';

export function adsmetricSite(): DemoSite {
  function pixel(req: DemoRequest): DemoResponse {
    const cookies: string[] = [];
    if (!req.cookies.has('am_uid')) {
      cookies.push(
        setCookie({
          name: 'am_uid',
          value: token(16, 'hex'),
          maxAge: 365 * 86_400,
          domain: 'adsmetric.test',
          secure: true,
          sameSite: 'None',
        }),
      );
    }
    return { type: 'gif', body: PIXEL_GIF, cookies, headers: { 'cache-control': 'no-store' } };
  }

  function frame(req: DemoRequest): DemoResponse {
    const shown = Number(req.cookies.get('am_ad_freq') ?? '0') + 1;
    return {
      ...page({ title: 'Advertisement', body: '<p id="ad-copy">Lamps that last. 20% off this week.</p>' }),
      cookies: [
        setCookie({
          name: 'am_ad_freq',
          value: String(shown),
          maxAge: 86_400,
          secure: true,
          sameSite: 'None',
          partitioned: true,
        }),
      ],
    };
  }

  return {
    hosts: [ADSMETRIC_HOST],
    handle(req) {
      if (req.method !== 'GET') return { status: 405, type: 'text', body: 'Method not allowed' };
      if (req.path === '/px.gif') return pixel(req);
      if (req.path === '/frame') return frame(req);
      return notFound();
    },
  };
}
