import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

const site = 'https://shop.example/';
const domain = 'shop.example';
const news = 'https://news.example/';

describe('Kameleoon (https://help.kameleoon.com/en/faq-cnil-obligations-cookies/)', () => {
  vendorTable('kameleoon', [
    { name: 'kameleoonVisitorCode', domain, site, vendor: 'Kameleoon', category: 'analytics' },
    { name: 'kameleoonVisitIdentifier', domain, site, vendor: 'Kameleoon', category: 'analytics' },
    { name: 'kameleoonOptout', domain, site, vendor: 'Kameleoon', category: 'essential' },
    { name: 'kameleoonSimulationFFData', domain, site, vendor: 'Kameleoon', category: 'functional' },
  ]);
});

describe('Monetate (https://developer.monetate.com/js-api/id-workaround-for-safari)', () => {
  vendorTable('monetate', [{ name: 'mt.v', domain, site, vendor: 'Monetate', category: 'analytics' }]);
});

describe('Bloomreach (https://documentation.bloomreach.com/engagement/docs/cookies-storage)', () => {
  vendorTable('bloomreach', [
    { name: '__exponea_etc__', domain, site, vendor: 'Bloomreach', category: 'marketing' },
    { name: '__exponea_time2__', domain, site, vendor: 'Bloomreach', category: 'marketing' },
    {
      name: '__exponea_ab_[ABTestName]__',
      instance: '__exponea_ab_homepage_banner__',
      domain,
      site,
      vendor: 'Bloomreach',
      category: 'analytics',
    },
    {
      name: 'xnpe_[project-token]',
      instance: 'xnpe_0a1b2c3d-4e5f',
      domain,
      site,
      vendor: 'Bloomreach',
      category: 'marketing',
    },
    {
      name: 'xnpe_<project-id>',
      instance: 'xnpe_0a1b2c3d-4e5f',
      domain: 'api.exponea.com',
      site,
      vendor: 'Bloomreach',
      category: 'marketing',
    },
    { name: '_br_uid_2', domain, site, vendor: 'Bloomreach', category: 'analytics' },
  ]);
});

describe('Nosto (https://help.nosto.com/en/articles/1834555-nosto-cookie-summary)', () => {
  vendorTable('nosto', [
    { name: 'nostojs', domain, site, vendor: 'Nosto', category: 'essential' },
    { name: '2c.cId', domain, site, vendor: 'Nosto', category: 'analytics' },
    { name: '2c.dId', domain, site, vendor: 'Nosto', category: 'analytics' },
    { name: '2c.dc', domain, site, vendor: 'Nosto', category: 'functional' },
    { name: 'nostodev', domain, site, vendor: 'Nosto', category: 'functional' },
    { name: 'nostopreview', domain, site, vendor: 'Nosto', category: 'functional' },
    // https://docs.nosto.com/shopware-6/getting-started/guides/cookies
    { name: 'nosto-integration-track-allow', domain, site, vendor: 'Nosto', category: 'essential' },
    { name: 'nosto-search-session-params', domain, site, vendor: 'Nosto', category: 'functional' },
    { name: 'nostoCookieFilter', domain, site, vendor: 'Nosto', category: 'functional' },
    { name: 'nostoCookieFilterMapping', domain, site, vendor: 'Nosto', category: 'functional' },
    { name: 'nosto_preview', domain, site, vendor: 'Nosto', category: 'functional' },
  ]);
});

describe('Olark (https://www.olark.com/help/cookies)', () => {
  vendorTable('olark', [
    { name: 'hblid', domain, site, vendor: 'Olark', category: 'functional' },
    { name: 'wcsid', domain, site, vendor: 'Olark', category: 'functional' },
    { name: 'olfsk', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_okbk', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_ok', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_oklv', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_okla', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_okgid', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_okac', domain, site, vendor: 'Olark', category: 'functional' },
    { name: '_okck', domain, site, vendor: 'Olark', category: 'essential' },
  ]);
});

describe('Tawk.to (https://docs.tawk.help/article/what-are-tawkto-cookies-and-what-do-they-do)', () => {
  vendorTable('tawk-to', [
    {
      name: 'tawk_uuid_propertyId',
      instance: 'tawk_uuid_5f2b3c4d5e6f7a8b9c0d1e2f',
      domain,
      site,
      vendor: 'Tawk.to',
      category: 'functional',
    },
    { name: 'twk_idm_key', domain, site, vendor: 'Tawk.to', category: 'functional' },
    { name: 'TawkConnectionTime', domain, site, vendor: 'Tawk.to', category: 'functional' },
    { name: 'tawkUUID', domain, site, vendor: 'Tawk.to', category: 'functional' },
    { name: '_tawkuuid', domain, site, vendor: 'Tawk.to', category: 'functional' },
    { name: 'Tawk_xxxxxxx', instance: 'Tawk_5f2b3c4d', domain, site, vendor: 'Tawk.to', category: 'functional' },
  ]);
});

describe('Medallia (https://docs.medallia.com/en/medallia-digital/medallia-digital-web/integration-guide/digital-reference/locally-stored-data)', () => {
  vendorTable('medallia', [
    { name: 'kampyleUserSessionsCount', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'DECLINED_DATE', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'SUBMITTED_DATE', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampyleUserSession', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampyleSessionPageCounter', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampyleInvitePresented', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampylePageLoadedTimestamp', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampyleUserPercentile', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'LAST_INVITATION_VIEW', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'kampyle_userid', domain, site, vendor: 'Medallia', category: 'analytics' },
    { name: 'md_isSurveySubmittedInSession', domain, site, vendor: 'Medallia', category: 'analytics' },
  ]);
});

describe('Disqus (http://help.disqus.com/customer/portal/articles/466235-use-of-cookies)', () => {
  vendorTable('disqus', [
    { name: 'disqus_unique', domain: 'disqus.com', site: news, vendor: 'Disqus', category: 'analytics' },
    { name: 'testCookie', domain: 'mediacdn.disqus.com', site: news, vendor: 'Disqus', category: 'essential' },
  ]);
});
