import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

/** Analytics tools, each table written from the vendor's own cookie documentation. */

const domain = 'shop.example';
const site = 'https://shop.example/';

describe('Mouseflow (https://help.mouseflow.com/en/articles/4282966-what-is-your-cookie-policy)', () => {
  vendorTable('mouseflow', [
    { name: 'mf_user', domain, site, vendor: 'Mouseflow', category: 'analytics' },
    { name: 'mf_{websiteId}', instance: 'mf_1a2b3c4d', domain, site, vendor: 'Mouseflow', category: 'analytics' },
  ]);
});

describe('Fullstory (https://help.fullstory.com/hc/en-us/articles/360020829513-Why-Fullstory-uses-First-Party-Cookies)', () => {
  vendorTable('fullstory', [
    { name: 'fs_uid', domain, site, vendor: 'Fullstory', category: 'analytics' },
    { name: 'fs_cid', domain, site, vendor: 'Fullstory', category: 'essential' },
    { name: 'fs_lua', domain, site, vendor: 'Fullstory', category: 'analytics' },
  ]);
});

describe('Heap (https://help.heap.io/hc/en-us/articles/37271939081617-What-cookies-does-Heap-set-and-what-are-they-used-for)', () => {
  vendorTable('heap', [
    { name: '_hp2_id.APP_ID', instance: '_hp2_id.1234567890', domain, site, vendor: 'Heap', category: 'analytics' },
    {
      name: '_hp2_ses_props.APP_ID',
      instance: '_hp2_ses_props.1234567890',
      domain,
      site,
      vendor: 'Heap',
      category: 'analytics',
    },
    {
      name: '_hp2_props.APP_ID',
      instance: '_hp2_props.1234567890',
      domain,
      site,
      vendor: 'Heap',
      category: 'analytics',
    },
    { name: '_hp5_meta.APP_ID', instance: '_hp5_meta.1234567890', domain, site, vendor: 'Heap', category: 'analytics' },
    {
      name: '_hp5_event_props.APP_ID',
      instance: '_hp5_event_props.1234567890',
      domain,
      site,
      vendor: 'Heap',
      category: 'analytics',
    },
    { name: '_hp5_let.ENV_ID', instance: '_hp5_let.987654321', domain, site, vendor: 'Heap', category: 'analytics' },
    { name: '_hp2_hld.', instance: '_hp2_hld.0', domain, site, vendor: 'Heap', category: 'analytics' },
    {
      name: 'userty.core.p.app_id_hash',
      instance: 'userty.core.p.5f3a9c',
      domain,
      site,
      vendor: 'Heap',
      category: 'analytics',
    },
    {
      name: 'userty.core.s.app_id_hash',
      instance: 'userty.core.s.5f3a9c',
      domain,
      site,
      vendor: 'Heap',
      category: 'analytics',
    },
  ]);
});

describe('Pendo (https://support.pendo.io/hc/en-us/articles/360041032971-Agent-Cookies)', () => {
  const key = '0f76c037-4d76-4fce-8a0f-a9a8f89d1453';
  vendorTable('pendo', [
    {
      name: '_pendo_accountId.YOUR_SUBSCRIPTION_KEY_VALUE',
      instance: `_pendo_accountId.${key}`,
      domain,
      site,
      vendor: 'Pendo',
      category: 'analytics',
    },
    {
      name: '_pendo_visitorId.YOUR_SUBSCRIPTION_KEY_VALUE',
      instance: `_pendo_visitorId.${key}`,
      domain,
      site,
      vendor: 'Pendo',
      category: 'analytics',
    },
    {
      name: '_pendo_launcher-closed.YOUR_SUBSCRIPTION_KEY_VALUE',
      instance: `_pendo_launcher-closed.${key}`,
      domain,
      site,
      vendor: 'Pendo',
      category: 'functional',
    },
  ]);
});

describe('Smartlook (https://help.smartlook.com/docs/cookies-smartlook)', () => {
  vendorTable('smartlook', [
    { name: 'SL_C_23361dd035530_SID', domain, site, vendor: 'Smartlook', category: 'analytics' },
    { name: 'SL_C_23361dd035530_DOMAIN', domain, site, vendor: 'Smartlook', category: 'analytics' },
    // https://help.smartlook.com/en/articles/6064963-cookies-in-smartlook
    { name: 'SL_C_23361dd035530_KEY', domain, site, vendor: 'Smartlook', category: 'analytics' },
    { name: 'SL_C_23361dd035530_VID', domain, site, vendor: 'Smartlook', category: 'analytics' },
  ]);
});

describe('Datadog (https://docs.datadoghq.com/real_user_monitoring/browser/troubleshooting/)', () => {
  vendorTable('datadog', [
    { name: '_dd_s', domain, site, vendor: 'Datadog', category: 'analytics' },
    {
      name: 'dd_cookie_test_*',
      instance: 'dd_cookie_test_3f1c2b4a-9d8e-4c7b-a6f5-0e1d2c3b4a59',
      domain,
      site,
      vendor: 'Datadog',
      category: 'analytics',
    },
    {
      name: 'dd_site_test_*',
      instance: 'dd_site_test_3f1c2b4a-9d8e-4c7b-a6f5-0e1d2c3b4a59',
      domain,
      site,
      vendor: 'Datadog',
      category: 'analytics',
    },
    { name: '_dd', domain, site, vendor: 'Datadog', category: 'analytics' },
    { name: '_dd_r', domain, site, vendor: 'Datadog', category: 'analytics' },
    { name: '_dd_l', domain, site, vendor: 'Datadog', category: 'analytics' },
  ]);
});

describe('Chartbeat (https://help.chartbeat.com/hc/en-us/articles/360044659014-Chartbeat-Cookies)', () => {
  vendorTable('chartbeat', [
    { name: '_cb', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_chartbeat2', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_v__chartbeat3', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_cb_svref', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_chartbeat4', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_chartbeat5', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_t_tests', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_cb_ls', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_v__cb_cp', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    // https://chartbeat.zendesk.com/hc/en-us/articles/209522288-Does-Chartbeat-use-cookies-
    { name: '_cb_cp', domain, site, vendor: 'Chartbeat', category: 'analytics' },
    { name: '_SUPERFLY_nosample', domain, site, vendor: 'Chartbeat', category: 'analytics' },
  ]);
});
