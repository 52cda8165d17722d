import type { Category } from '../../src/core/types';
import { CREATIO_HOST, GA_MEASUREMENT_ID, IMPERVA_NODE_ID, IMPERVA_SITE_ID } from './sites/creatio';
import { DESKPRO_HOST } from './sites/deskpro';
import { FERNHILL_HOST } from './sites/fernhill';
import { LIVEPERSON_SITE_ID } from './sites/liveperson';
import { PAPERLEAF_HOST } from './sites/paperleaf';
import { QUARRY_HOST } from './sites/quarry';
import { SHOP_HOST } from './sites/shop';

/**
 * The demo pages and, for each, every cookie the page ends up with and the label it must get.
 * For cookies a seed document describes, vendor and category are the seed's (as the catalog in
 * data/vendors records them); other cookies are checked for category and party only, except the
 * uncatalogued ones, which must stay unknown and nameless.
 */

export type DemoPageId = 'deskpro' | 'shop' | 'creatio' | 'paperleaf' | 'fernhill' | 'quarry';

export interface ExpectedCookie {
  name: string;
  /** As the browser reports it: a leading dot for domain cookies. */
  domain: string;
  category: Category;
  /** The vendor the label must name; `null`: no vendor; absent: not checked. */
  vendor?: string | null;
  party: 'first' | 'third';
  partitioned?: boolean;
  setBy: 'response header' | 'page script' | 'page script, delayed';
  /** The seed document that describes the cookie. */
  seed?: '000 Deskpro' | '001 LivePerson' | '002 Creatio';
  /** Only present once the visitor has logged in with "Remember me". */
  afterLogin?: boolean;
  /**
   * Only present once the visitor answered the consent banner: `accept` after accepting, `answer`
   * after either answer. A first, unanswered visit does not have them.
   */
  afterConsent?: 'accept' | 'answer';
  /** What deleting it does, where that keeps an optional cookie from one click (a remember-me token). */
  ifDeleted?: 'signs-out' | 'security-check' | 'empties-cart' | 'asks-consent';
}

export interface DemoPage {
  id: DemoPageId;
  title: string;
  host: string;
  path: string;
  cookies: readonly ExpectedCookie[];
}

const DESKPRO = { vendor: 'Deskpro', seed: '000 Deskpro' } as const;
const LIVEPERSON = { vendor: 'LivePerson', seed: '001 LivePerson' } as const;
const CREATIO = { vendor: 'Creatio', seed: '002 Creatio' } as const;
const IMPERVA = { vendor: 'Imperva', seed: '002 Creatio' } as const;
const GOOGLE_ANALYTICS = { vendor: 'Google Analytics', seed: '002 Creatio' } as const;
const GOOGLE_ANALYTICS_VENDOR = { vendor: 'Google Analytics' } as const;
const UNCATALOGUED = { vendor: null } as const;
const LP_DOMAIN = '.liveperson-demo.test';
const SHOP_DOMAIN = '.lumen-shop.test';
const CREATIO_DOMAIN = '.creatio-demo.test';
const HEADER = 'response header';
const SCRIPT = 'page script';
const LATER = 'page script, delayed';

function cookie(
  name: string,
  domain: string,
  category: Category,
  party: ExpectedCookie['party'],
  setBy: ExpectedCookie['setBy'],
  more: Partial<ExpectedCookie> = {},
): ExpectedCookie {
  return { name, domain, category, party, setBy, ...more };
}

const site = LIVEPERSON_SITE_ID;

/** Signed in to the reading club and, beforehand, to the social platform whose Like button it embeds. */
const SOCIAL_DOMAIN = '.facebook-demo.test';
const META = { vendor: 'Meta' } as const;
const SIGNED_IN = { afterLogin: true } as const;

export const DEMO_PAGES: readonly DemoPage[] = [
  {
    id: 'deskpro',
    title: 'Deskpro help centre (Acme Help Center)',
    host: DESKPRO_HOST,
    path: '/',
    cookies: [
      cookie('dpsid-portal', DESKPRO_HOST, 'essential', 'first', HEADER, DESKPRO),
      cookie('_dp_csrf_token', DESKPRO_HOST, 'essential', 'first', HEADER, DESKPRO),
      cookie('dp_last_lang', DESKPRO_HOST, 'essential', 'first', HEADER, DESKPRO),
      cookie('dpreme', DESKPRO_HOST, 'functional', 'first', HEADER, {
        ...DESKPRO,
        afterLogin: true,
        ifDeleted: 'signs-out',
      }),
      cookie('dpv', DESKPRO_HOST, 'functional', 'first', SCRIPT, DESKPRO),
      cookie('dpdefaultloader_assests_url', DESKPRO_HOST, 'functional', 'first', LATER, DESKPRO),
      cookie('dpdefualtloader_time', DESKPRO_HOST, 'functional', 'first', LATER, DESKPRO),
      cookie('kb_banner_closed', DESKPRO_HOST, 'unknown', 'first', SCRIPT, UNCATALOGUED),
    ],
  },
  {
    id: 'shop',
    title: 'Shop with LivePerson chat, an ad network and a reviews widget (Lumen Lamps)',
    host: SHOP_HOST,
    path: '/',
    cookies: [
      cookie('PHPSESSID', SHOP_HOST, 'essential', 'first', HEADER),
      cookie('lmn_tilt', SHOP_HOST, 'unknown', 'first', HEADER, UNCATALOGUED),
      cookie('lmn_shelf', SHOP_HOST, 'unknown', 'first', LATER, UNCATALOGUED),
      cookie('LPVID', SHOP_DOMAIN, 'functional', 'first', SCRIPT, LIVEPERSON),
      cookie(`LPSID-${site}`, SHOP_DOMAIN, 'functional', 'first', SCRIPT, LIVEPERSON),
      cookie('lpTabId', SHOP_DOMAIN, 'functional', 'first', SCRIPT, LIVEPERSON),
      cookie(`LPCID-${site}`, SHOP_DOMAIN, 'functional', 'first', LATER, LIVEPERSON),
      cookie(`LPCKEY-${site}`, SHOP_DOMAIN, 'functional', 'first', LATER, LIVEPERSON),
      cookie('LPVisitorID', LP_DOMAIN, 'functional', 'third', HEADER, LIVEPERSON),
      cookie('LPSessionID', LP_DOMAIN, 'functional', 'third', HEADER, LIVEPERSON),
      cookie('LivePersonID', LP_DOMAIN, 'functional', 'third', HEADER, LIVEPERSON),
      cookie('UIConf', LP_DOMAIN, 'functional', 'third', LATER, LIVEPERSON),
      cookie(`Storage_expiration-${site}`, LP_DOMAIN, 'functional', 'third', LATER, LIVEPERSON),
      cookie('am_uid', '.adsmetric.test', 'marketing', 'third', HEADER),
      cookie('am_ad_freq', 'px.adsmetric.test', 'marketing', 'third', HEADER, { partitioned: true }),
      cookie('stw_seen', 'widget.starwall-demo.test', 'unknown', 'third', HEADER, {
        ...UNCATALOGUED,
        partitioned: true,
      }),
    ],
  },
  {
    id: 'creatio',
    title: 'Creatio behind a web application firewall',
    host: CREATIO_HOST,
    path: '/',
    cookies: [
      cookie(`visid_incap_${IMPERVA_SITE_ID}`, CREATIO_DOMAIN, 'essential', 'first', HEADER, IMPERVA),
      cookie(`incap_ses_${IMPERVA_NODE_ID}_${IMPERVA_SITE_ID}`, CREATIO_DOMAIN, 'essential', 'first', HEADER, IMPERVA),
      cookie('BPMLOADER', CREATIO_HOST, 'essential', 'first', HEADER, CREATIO),
      cookie('BPMSESSIONID', CREATIO_HOST, 'essential', 'first', HEADER, CREATIO),
      cookie('BPMCSRF', CREATIO_HOST, 'essential', 'first', HEADER, CREATIO),
      cookie('bpmHref', CREATIO_HOST, 'essential', 'first', SCRIPT, CREATIO),
      cookie('bpmRef', CREATIO_HOST, 'essential', 'first', SCRIPT, CREATIO),
      cookie('_ga', CREATIO_DOMAIN, 'analytics', 'first', LATER, GOOGLE_ANALYTICS),
      cookie(`_ga_${GA_MEASUREMENT_ID}`, CREATIO_DOMAIN, 'analytics', 'first', LATER, GOOGLE_ANALYTICS),
    ],
  },
  {
    id: 'paperleaf',
    title: 'A reading club you are signed in to, with a social platform’s Like button (Paperleaf)',
    host: PAPERLEAF_HOST,
    path: '/',
    cookies: [
      cookie('plk', PAPERLEAF_HOST, 'essential', 'first', HEADER, { ...UNCATALOGUED, ...SIGNED_IN }),
      cookie('csrftoken', PAPERLEAF_HOST, 'essential', 'first', HEADER, { vendor: 'Django' }),
      cookie('_ga', PAPERLEAF_HOST, 'analytics', 'first', SCRIPT, GOOGLE_ANALYTICS_VENDOR),
      cookie('_fbp', PAPERLEAF_HOST, 'marketing', 'first', SCRIPT, META),
      cookie('c_user', SOCIAL_DOMAIN, 'marketing', 'third', HEADER, { ...META, ...SIGNED_IN, ifDeleted: 'signs-out' }),
      cookie('xs', SOCIAL_DOMAIN, 'marketing', 'third', HEADER, { ...META, ...SIGNED_IN, ifDeleted: 'signs-out' }),
      cookie('datr', SOCIAL_DOMAIN, 'marketing', 'third', HEADER, {
        ...META,
        ...SIGNED_IN,
        ifDeleted: 'security-check',
      }),
      cookie('fr', SOCIAL_DOMAIN, 'marketing', 'third', HEADER, { ...META, ...SIGNED_IN }),
    ],
  },
  {
    id: 'fernhill',
    title: 'A tea shop whose consent banner (CookieYes) is respected (Fernhill Teas)',
    host: FERNHILL_HOST,
    path: '/',
    cookies: [
      cookie('PHPSESSID', FERNHILL_HOST, 'essential', 'first', HEADER),
      // CookieYes writes its record with the defaults (action:no) before the visitor answers.
      cookie('cookieyes-consent', FERNHILL_HOST, 'essential', 'first', SCRIPT, { vendor: 'CookieYes' }),
      cookie('_ga', FERNHILL_HOST, 'analytics', 'first', SCRIPT, {
        ...GOOGLE_ANALYTICS_VENDOR,
        afterConsent: 'accept',
      }),
      cookie('_fbp', FERNHILL_HOST, 'marketing', 'first', SCRIPT, { ...META, afterConsent: 'accept' }),
    ],
  },
  {
    id: 'quarry',
    title: 'An outdoor shop that sets ad cookies before consent and keeps them after a refusal (Quarry Outdoor)',
    host: QUARRY_HOST,
    path: '/',
    cookies: [
      cookie('PHPSESSID', QUARRY_HOST, 'essential', 'first', HEADER),
      cookie('_fbp', QUARRY_HOST, 'marketing', 'first', SCRIPT, META),
      cookie('am_uid', '.adsmetric.test', 'marketing', 'third', HEADER),
      ...['cmplz_functional', 'cmplz_preferences', 'cmplz_statistics', 'cmplz_marketing', 'cmplz_banner-status'].map(
        (name) =>
          cookie(name, QUARRY_HOST, 'essential', 'first', SCRIPT, { vendor: 'Complianz', afterConsent: 'answer' }),
      ),
      cookie('_ga', QUARRY_HOST, 'analytics', 'first', SCRIPT, { ...GOOGLE_ANALYTICS_VENDOR, afterConsent: 'accept' }),
    ],
  },
];

export function demoPage(id: DemoPageId): DemoPage {
  const found = DEMO_PAGES.find((p) => p.id === id);
  if (!found) throw new Error(`no demo page ${id}`);
  return found;
}

/**
 * The cookies a page has on a first visit, after logging in with "Remember me", or after the
 * visitor answered its consent banner.
 */
export function expectedCookies(
  page: DemoPage,
  options: { loggedIn?: boolean; consent?: 'reject' | 'accept' } = {},
): ExpectedCookie[] {
  return page.cookies.filter(
    (c) =>
      (!c.afterLogin || options.loggedIn) &&
      (c.afterConsent === undefined ||
        (c.afterConsent === 'answer' && options.consent !== undefined) ||
        (c.afterConsent === 'accept' && options.consent === 'accept')),
  );
}

/** `name @ domain`, the key tests compare cookie sets by. */
export function cookieId(cookie: { name: string; domain: string }): string {
  return `${cookie.name} @ ${cookie.domain}`;
}
