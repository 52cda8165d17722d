import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

// Rows written from each vendor's own document, not from data/. Skipped (no vendor-documented name found):
// AdRoll's __ar_v4 and __adroll; Reddit's _rdt_uuid and _rdt_cid; TikTok's pixel cookies _ttp,
// _tt_enable_cookie and tt_webid; LinkedIn's cookie-table rows after the Authentication section.

describe('AdRoll (https://github.com/AdRoll/server-to-server)', () => {
  vendorTable('adroll', [
    {
      name: '__adroll_fpc',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'AdRoll',
      category: 'marketing',
    },
  ]);
});

describe('6sense (https://support.6sense.com/docs/6sense-cookies-and-browser-storage)', () => {
  vendorTable('6sense', [
    { name: '6suuid', domain: '6sense.com', site: 'https://shop.example/', vendor: '6sense', category: 'marketing' },
    {
      name: '_gd_visitor',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: '6sense',
      category: 'marketing',
    },
    {
      name: '_gd_session',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: '6sense',
      category: 'marketing',
    },
    {
      name: '_gd_svisitor',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: '6sense',
      category: 'marketing',
    },
    { name: '_an_uid', domain: 'shop.example', site: 'https://shop.example/', vendor: '6sense', category: 'marketing' },
    {
      name: '_6si_cid',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: '6sense',
      category: 'marketing',
    },
  ]);
});

describe('Reddit (https://www.reddit.com/policies/cookies)', () => {
  vendorTable('reddit', [
    { name: 'token', domain: 'reddit.com', site: 'https://www.reddit.com/', vendor: 'Reddit', category: 'essential' },
    {
      name: 'd2_token',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'essential',
    },
    { name: 'session', domain: 'reddit.com', site: 'https://www.reddit.com/', vendor: 'Reddit', category: 'essential' },
    {
      name: 'reddit_session',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'essential',
    },
  ]);
});

describe('Pinterest (https://help.pinterest.com/en/business/article/pinterest-tag-parameters-and-cookies)', () => {
  vendorTable('pinterest', [
    {
      name: '_pinterest_sess',
      domain: 'pinterest.com',
      site: 'https://www.pinterest.com/',
      vendor: 'Pinterest',
      category: 'essential',
    },
    {
      name: '_pinterest_ct',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_pinterest_ct_rt',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_epik',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_derived_epik',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_pin_unauth',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_pinterest_ct_ua',
      domain: 'ct.pinterest.com',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
    },
    {
      name: '_routing_id',
      domain: 'pinterest.com',
      site: 'https://www.pinterest.com/',
      vendor: 'Pinterest',
      category: 'essential',
    },
  ]);
});

describe('TikTok (https://www.tiktok.com/legal/page/global/tiktok-website-cookies-policy/en)', () => {
  vendorTable('tiktok', [
    { name: 'sid_tt', domain: 'tiktok.com', site: 'https://www.tiktok.com/', vendor: 'TikTok', category: 'essential' },
    {
      name: 'default_lang',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'functional',
    },
    { name: 'locale', domain: 'tiktok.com', site: 'https://www.tiktok.com/', vendor: 'TikTok', category: 'functional' },
    { name: 'ttwid', domain: 'tiktok.com', site: 'https://shop.example/', vendor: 'TikTok', category: 'analytics' },
    {
      name: 'security_verification_ticket',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
    },
  ]);
});

describe('LinkedIn (https://www.linkedin.com/legal/l/cookie-table)', () => {
  vendorTable('linkedin', [
    {
      name: 'li_at',
      domain: 'www.linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
    },
    {
      name: 'liap',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
    },
    {
      name: 'leadgen.api_session',
      domain: 'forms.linkedin.com',
      site: 'https://forms.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
    },
    {
      name: 'transaction_state',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
    },
  ]);
});

describe('Google (https://policies.google.com/technologies/cookies, https://support.google.com/admanager/answer/15304323)', () => {
  vendorTable('google-cookies', [
    { name: 'NID', domain: 'google.com', site: 'https://www.google.com/', vendor: 'Google', category: 'marketing' },
    { name: '__gads', domain: 'news.example', site: 'https://news.example/', vendor: 'Google', category: 'marketing' },
    { name: '__gpi', domain: 'news.example', site: 'https://news.example/', vendor: 'Google', category: 'marketing' },
  ]);
});
