import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

// Sign-in, security and control cookies of widely used services (test/sign-in-set/services.json holds the
// matching development-set rows). Rows are written from each platform's document or, where none names the
// cookie, from the public evidence named in the catalog entry's reason.

describe('Wikimedia (https://foundation.wikimedia.org/wiki/Policy:Cookie_statement)', () => {
  vendorTable('wikimedia-cookies', [
    {
      name: '{wiki}Session',
      instance: 'enwikiSession',
      domain: 'en.wikipedia.org',
      site: 'https://en.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '{wiki}UserID',
      instance: 'dewikiUserID',
      domain: 'de.wikipedia.org',
      site: 'https://de.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '{wiki}UserName',
      instance: 'commonswikiUserName',
      domain: 'commons.wikimedia.org',
      site: 'https://commons.wikimedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '{wiki}Token',
      instance: 'enwiktionaryToken',
      domain: 'en.wiktionary.org',
      site: 'https://en.wiktionary.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'centralauth_Session',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'centralauth_User',
      domain: 'wikidata.org',
      site: 'https://www.wikidata.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'centralauth_Token',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'loginnotify_prevlogins',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'stopMobileRedirect',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'WMF-Last-Access',
      domain: 'en.wikipedia.org',
      site: 'https://en.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: 'WMF-Last-Access-Global',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: 'GeoIP',
      domain: 'wikipedia.org',
      site: 'https://www.wikipedia.org/',
      vendor: 'Wikimedia Foundation',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('GitHub (https://docs.github.com/en/site-policy/privacy-policies/github-cookies)', () => {
  vendorTable('github-cookies', [
    {
      name: 'user_session',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Host-user_session_same_site',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'logged_in',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'dotcom_user',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'gist_user_session',
      domain: 'gist.github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_gh_sess',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'empties-cart',
    },
    {
      name: '_device_id',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'saml_csrf_token',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'ghcc',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'essential',
      ifDeleted: 'asks-consent',
    },
    {
      name: 'color_mode',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'tz',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: '_octo',
      domain: 'github.com',
      site: 'https://github.com/',
      vendor: 'GitHub',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('GitLab (https://gitlab.com/gitlab-org/gitlab/-/issues/419602)', () => {
  vendorTable('gitlab', [
    {
      name: '_gitlab_session',
      domain: 'gitlab.com',
      site: 'https://gitlab.com/',
      vendor: 'GitLab',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'remember_user_token',
      domain: 'gitlab.com',
      site: 'https://gitlab.com/',
      vendor: 'GitLab',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Stack Exchange (https://policies.stackoverflow.co/stack-overflow/cookie-policy)', () => {
  vendorTable('stack-exchange', [
    {
      name: 'acct',
      domain: 'stackoverflow.com',
      site: 'https://stackoverflow.com/',
      vendor: 'Stack Exchange',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'acct',
      domain: 'superuser.com',
      site: 'https://superuser.com/',
      vendor: 'Stack Exchange',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Netflix (https://github.com/Netflix/msl/wiki/Netflix-ID-Cookies-User-Authentication)', () => {
  vendorTable('netflix', [
    {
      name: 'NetflixId',
      domain: 'netflix.com',
      site: 'https://www.netflix.com/',
      vendor: 'Netflix',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'SecureNetflixId',
      domain: 'netflix.com',
      site: 'https://www.netflix.com/',
      vendor: 'Netflix',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Spotify (https://www.spotify.com/ph-tl/legal/cookies-policy/)', () => {
  vendorTable('spotify-cookies', [
    {
      name: 'sp_dc',
      domain: 'spotify.com',
      site: 'https://open.spotify.com/',
      vendor: 'Spotify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sp_key',
      domain: 'spotify.com',
      site: 'https://open.spotify.com/',
      vendor: 'Spotify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sp_t',
      domain: 'spotify.com',
      site: 'https://open.spotify.com/',
      vendor: 'Spotify',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: 'sp_landing',
      domain: 'spotify.com',
      site: 'https://open.spotify.com/',
      vendor: 'Spotify',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('eBay (https://www.ebay.com/help/policies/member-behaviour-policies/ebay-cookie-notice?id=4267)', () => {
  vendorTable('ebay', [
    {
      name: 'ebay',
      domain: 'ebay.com',
      site: 'https://www.ebay.com/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'nonsession',
      domain: 'ebay.com',
      site: 'https://www.ebay.com/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'dp1',
      domain: 'ebay.com',
      site: 'https://www.ebay.com/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ns1',
      domain: 'ebay.com',
      site: 'https://www.ebay.com/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 's',
      domain: 'ebay.com',
      site: 'https://www.ebay.com/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'nonsession',
      domain: 'ebay.co.uk',
      site: 'https://www.ebay.co.uk/',
      vendor: 'eBay',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('PayPal (public evidence)', () => {
  vendorTable('paypal-cookies', [
    {
      name: 'nsid',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KHcl0EuY7AKSMgfvHl7J5E7hPtK',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'x-pp-s',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ts',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'ts_c',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'tsrce',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'enforce_policy',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'essential',
      ifDeleted: 'asks-consent',
    },
    {
      name: 'login_email',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'LANG',
      domain: 'paypal.com',
      site: 'https://www.paypal.com/',
      vendor: 'PayPal',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
  ]);
});

describe('Slack (https://github.com/hraftery/slacktokens)', () => {
  vendorTable('slack', [
    {
      name: 'd',
      domain: 'slack.com',
      site: 'https://app.slack.com/',
      vendor: 'Slack',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'd-s',
      domain: 'slack.com',
      site: 'https://app.slack.com/',
      vendor: 'Slack',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Zoom (https://explore.zoom.us/vi/cookie-policy/)', () => {
  vendorTable('zoom', [
    {
      name: '_zm_ssid',
      domain: 'zoom.us',
      site: 'https://zoom.us/',
      vendor: 'Zoom',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'zm_aid',
      domain: 'zoom.us',
      site: 'https://zoom.us/',
      vendor: 'Zoom',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Dropbox (https://help.dropbox.com/security/cookies)', () => {
  vendorTable('dropbox', [
    {
      name: 'jar',
      domain: 'dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'bjar',
      domain: 'dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'lid',
      domain: 'dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 't',
      domain: 'dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Host-js_csrf',
      domain: 'www.dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'gvc',
      domain: 'dropbox.com',
      site: 'https://www.dropbox.com/',
      vendor: 'Dropbox',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Notion (https://www.notion.so/notion/Notion-Cookie-Tables-c38abeb47f8e420a94ade9ac053d90fd)', () => {
  vendorTable('notion', [
    {
      name: 'token_v2',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'notion_user_id',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'notion_users',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'csrf',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'notion_cookie_consent',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'essential',
      ifDeleted: 'asks-consent',
    },
    {
      name: 'notion_locale',
      domain: 'www.notion.so',
      site: 'https://www.notion.so/',
      vendor: 'Notion',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
  ]);
});

describe('Atlassian (https://ja.confluence.atlassian.com/cloud/cookies-744721661.html)', () => {
  vendorTable('atlassian', [
    {
      name: 'cloud.session.token',
      domain: 'atlassian.com',
      site: 'https://id.atlassian.com/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'tenant.session.token',
      domain: 'team.atlassian.net',
      site: 'https://team.atlassian.net/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'atlassian.xsrf.token',
      domain: 'team.atlassian.net',
      site: 'https://team.atlassian.net/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'studio.crowd.tokenkey',
      domain: 'team.atlassian.net',
      site: 'https://team.atlassian.net/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'seraph.rememberme.cookie',
      domain: 'jira.app.example',
      site: 'https://jira.app.example/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ondemand.autologin',
      domain: 'atlassian.net',
      site: 'https://team.atlassian.net/',
      vendor: 'Atlassian',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Salesforce (https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.platform_cookies.htm)', () => {
  vendorTable('salesforce-cookies', [
    {
      name: 'sid',
      domain: 'example.my.salesforce.com',
      site: 'https://example.my.salesforce.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sid',
      domain: 'example.lightning.force.com',
      site: 'https://example.lightning.force.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sid_Client',
      domain: 'example.my.salesforce.com',
      site: 'https://example.my.salesforce.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'oid',
      domain: 'salesforce.com',
      site: 'https://salesforce.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: 'BrowserId',
      domain: 'salesforce.com',
      site: 'https://salesforce.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'BrowserId_sec',
      domain: 'salesforce.com',
      site: 'https://salesforce.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Host-ERIC_PROD-{number}',
      instance: '__Host-ERIC_PROD-4411',
      domain: 'example.lightning.force.com',
      site: 'https://example.lightning.force.com/',
      vendor: 'Salesforce',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Shopify (https://www.shopify.com/legal/cookies)', () => {
  vendorTable('shopify-cookies', [
    {
      name: 'secure_customer_sig',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_secure_account_session_id',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_customer_account_shop_sessions',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'storefront_digest',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_secure_session_id',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'empties-cart',
    },
    {
      name: 'cart_sig',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'empties-cart',
    },
    {
      name: '_shopify_essential',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'empties-cart',
    },
    {
      name: '_tracking_consent',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'asks-consent',
    },
    {
      name: '_shopify_y',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: '_shopify_s',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Shopify',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: '_secure_admin_session_id',
      domain: 'admin.shopify.com',
      site: 'https://admin.shopify.com/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_secure_admin_session_id_csrf',
      domain: 'admin.shopify.com',
      site: 'https://admin.shopify.com/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '_identity_session',
      domain: 'accounts.shopify.com',
      site: 'https://accounts.shopify.com/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_master_udr',
      domain: 'accounts.shopify.com',
      site: 'https://accounts.shopify.com/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '_merchant_essential',
      domain: 'admin.shopify.com',
      site: 'https://admin.shopify.com/',
      vendor: 'Shopify',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('WordPress (https://developer.wordpress.org/reference/functions/wp_cookie_constants/)', () => {
  vendorTable('wordpress-cookies', [
    {
      name: 'wordpress_logged_in_*',
      instance: 'wordpress_logged_in_57989a874259ee334703eb98c533404f',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'wordpress_sec_*',
      instance: 'wordpress_sec_57989a874259ee334703eb98c533404f',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'wordpress_{hash}',
      instance: 'wordpress_57989a874259ee334703eb98c533404f',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'wordpress_test_cookie',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: 'wp-settings-{userId}',
      instance: 'wp-settings-1',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'wp-settings-time-{userId}',
      instance: 'wp-settings-time-1',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'wp-postpass_{hash}',
      instance: 'wp-postpass_57989a874259ee334703eb98c533404f',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'WordPress',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Booking.com (public evidence)', () => {
  vendorTable('booking', [
    {
      name: 'bkng_sso_session',
      domain: 'booking.com',
      site: 'https://www.booking.com/',
      vendor: 'Booking.com',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'bkng',
      domain: 'booking.com',
      site: 'https://www.booking.com/',
      vendor: 'Booking.com',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Airbnb (public evidence)', () => {
  vendorTable('airbnb', [
    {
      name: '_airbed_session_id',
      domain: 'airbnb.com',
      site: 'https://www.airbnb.com/',
      vendor: 'Airbnb',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_aat',
      domain: 'airbnb.com',
      site: 'https://www.airbnb.com/',
      vendor: 'Airbnb',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_user_attributes',
      domain: 'airbnb.com',
      site: 'https://www.airbnb.com/',
      vendor: 'Airbnb',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'bev',
      domain: 'airbnb.com',
      site: 'https://www.airbnb.com/',
      vendor: 'Airbnb',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Adobe (public evidence)', () => {
  vendorTable('adobe', [
    {
      name: 'ims_sid',
      domain: 'ims-na1.adobelogin.com',
      site: 'https://account.adobe.com/',
      vendor: 'Adobe',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Canva (https://www.canva.com/pl_pl/zarzadzanie-plikami-cookie/)', () => {
  vendorTable('canva', [
    {
      name: 'CAZ',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CAR',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CID',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CUI',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CB',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CL',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CS',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CDI',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'CAI',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'CPA',
      domain: 'canva.com',
      site: 'https://www.canva.com/',
      vendor: 'Canva',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Figma (public evidence)', () => {
  vendorTable('figma', [
    {
      name: '__Host-figma.authn',
      domain: 'www.figma.com',
      site: 'https://www.figma.com/',
      vendor: 'Figma',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'figma.st',
      domain: 'figma.com',
      site: 'https://www.figma.com/',
      vendor: 'Figma',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('OpenAI (https://openai.com/policies/cookie-policy/)', () => {
  vendorTable('openai', [
    {
      name: '__Secure-next-auth.session-token',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Host-next-auth.csrf-token',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-next-auth.callback-url',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: '_puid',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_account',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'oai-sc',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'oai-allow-ne',
      domain: 'chatgpt.com',
      site: 'https://chatgpt.com/',
      vendor: 'OpenAI',
      category: 'essential',
      ifDeleted: 'asks-consent',
    },
  ]);
});

describe('Cloudflare (https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/)', () => {
  vendorTable('cloudflare-cookies', [
    {
      name: '__cf_bm',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'cf_clearance',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__cfseq',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '_cfuvid',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__cfruid',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__cflb',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: '__cfwaitingroom',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'cf_ob_info',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: 'cf_use_ob',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: 'cf_chl_rc_ni',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'cf_chl_*',
      instance: 'cf_chl_prog',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Cloudflare',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});
