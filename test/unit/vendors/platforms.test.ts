import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

const site = 'https://shop.example/';
const domain = 'shop.example';

describe('Sitecore (https://doc.sitecore.com/xp/en/developers/104/platform-administration-and-architecture/cookies-used-by-sitecore.html)', () => {
  vendorTable('sitecore', [
    { name: 'SC_ANALYTICS_GLOBAL_COOKIE', domain, site, vendor: 'Sitecore', category: 'analytics' },
    { name: 'SC_TRACKING_CONSENT', domain, site, vendor: 'Sitecore', category: 'essential' },
    { name: 'sxa_site', domain, site, vendor: 'Sitecore', category: 'functional' },
    { name: 'privacy-notification', domain, site, vendor: 'Sitecore', category: 'functional' },
    { name: 'sc_test_combination', domain, site, vendor: 'Sitecore', category: 'analytics' },
    { name: '{website}#lang', instance: 'docsite#lang', domain, site, vendor: 'Sitecore', category: 'functional' },
    // https://doc.sitecore.com/xmc/en/developers/xm-cloud/visitor-cookies.html
    { name: 'sc_site', domain, site, vendor: 'Sitecore', category: 'essential' },
    { name: 'bid_{client_key}', instance: 'bid_a1b2c3d4', domain, site, vendor: 'Sitecore', category: 'analytics' },
  ]);
});

describe('Tealium (https://docs.tealium.com/iq-tag-management/data-layer/cookies/)', () => {
  vendorTable('tealium', [
    { name: 'utag_main', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main_ses_id', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main_v_id', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main__st', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main__se', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main__ss', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main__pn', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main__sn', domain, site, vendor: 'Tealium', category: 'analytics' },
    { name: 'utag_main_*', instance: 'utag_main_mycookie', domain, site, vendor: 'Tealium', category: 'analytics' },
  ]);
});

describe('BigCommerce (https://docs.bigcommerce.com/developer/docs/storefront/catalyst/features/cookies)', () => {
  vendorTable('bigcommerce', [
    { name: 'c15t-consent', domain, site, vendor: 'BigCommerce', category: 'essential' },
    { name: 'authjs.anonymous-session-token', domain, site, vendor: 'BigCommerce', category: 'essential' },
    { name: '__Secure-authjs.anonymous-session-token', domain, site, vendor: 'BigCommerce', category: 'essential' },
    { name: 'authjs.session-token', domain, site, vendor: 'NextAuth.js', category: 'essential' },
    { name: 'catalyst.visitorId', domain, site, vendor: 'BigCommerce', category: 'analytics' },
    { name: 'catalyst.visitId', domain, site, vendor: 'BigCommerce', category: 'analytics' },
  ]);
});

describe('Salesforce Commerce Cloud (https://developer.salesforce.com/docs/commerce/sfnext/guide/hybrid-authentication.html)', () => {
  vendorTable('salesforce-commerce-cloud', [
    { name: 'dwsid', domain, site, vendor: 'Salesforce Commerce Cloud', category: 'essential' },
    // https://developer.salesforce.com/docs/commerce/zh-cn/einstein-api/guide/einstein-recommendations-overview.html
    { name: 'cqcid', domain, site, vendor: 'Salesforce Commerce Cloud', category: 'analytics' },
    // PWA Kit source (SalesforceCommerceCloud/pwa-kit, commerce-sdk-react)
    { name: 'dw_dnt', domain, site, vendor: 'Salesforce Commerce Cloud', category: 'essential' },
    {
      name: 'usid_{siteId}',
      instance: 'usid_RefArch',
      domain,
      site,
      vendor: 'Salesforce Commerce Cloud',
      category: 'essential',
    },
    {
      name: 'cc-nx-g_{siteId}',
      instance: 'cc-nx-g_RefArch',
      domain,
      site,
      vendor: 'Salesforce Commerce Cloud',
      category: 'essential',
    },
    {
      name: 'cc-nx_{siteId}',
      instance: 'cc-nx_RefArch',
      domain,
      site,
      vendor: 'Salesforce Commerce Cloud',
      category: 'essential',
    },
    {
      name: 'cc-at_{siteId}',
      instance: 'cc-at_RefArch',
      domain,
      site,
      vendor: 'Salesforce Commerce Cloud',
      category: 'essential',
    },
  ]);
});
