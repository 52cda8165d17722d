import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

/**
 * Sign-in, security and consent cookies of the big platforms (Google, YouTube, Microsoft, Amazon,
 * Apple, Yahoo), each row written from the page the entry cites, labelled on the platform's own site.
 */

const google = { domain: '.google.com', site: 'https://mail.google.com/', vendor: 'Google' };
const youtube = { domain: '.youtube.com', site: 'https://www.youtube.com/', vendor: 'Google' };
const accounts = { domain: 'accounts.google.com', site: 'https://accounts.google.com/', vendor: 'Google' };

describe('Google sign-in (https://policies.google.com/technologies/cookies and public evidence)', () => {
  vendorTable('google-accounts', [
    { name: 'SID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'HSID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'SSID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'APISID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'SAPISID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-1PSID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-3PSID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-1PAPISID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-3PAPISID', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-1PSIDTS', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-3PSIDTS', ...google, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'SIDCC', ...google, category: 'essential', ifDeleted: 'security-check' },
    { name: '__Secure-1PSIDCC', ...google, category: 'essential', ifDeleted: 'security-check' },
    { name: '__Secure-3PSIDCC', ...google, category: 'essential', ifDeleted: 'security-check' },
    { name: 'LSID', ...accounts, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Host-1PLSID', ...accounts, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Host-3PLSID', ...accounts, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Host-GAPS', ...accounts, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'ACCOUNT_CHOOSER', ...accounts, category: 'essential', ifDeleted: 'signs-out' },
    {
      name: 'OSID',
      domain: 'mail.google.com',
      site: 'https://mail.google.com/',
      vendor: 'Google',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Secure-OSID',
      domain: 'mail.google.com',
      site: 'https://mail.google.com/',
      vendor: 'Google',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    // The same sign-in set on youtube.com.
    { name: 'SID', ...youtube, category: 'essential', ifDeleted: 'signs-out' },
    { name: '__Secure-3PSID', ...youtube, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'LOGIN_INFO', ...youtube, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'YSC', ...youtube, category: 'essential', ifDeleted: 'security-check' },
    { name: 'PREF', ...youtube, category: 'functional', ifDeleted: 'forgets-preference' },
    { name: '__Secure-YEC', ...youtube, category: 'functional', ifDeleted: 'forgets-preference' },
    { name: 'VISITOR_INFO1_LIVE', ...youtube, category: 'marketing', ifDeleted: 'nothing' },
  ]);
});

describe('Google consent and preferences (https://policies.google.com/technologies/cookies)', () => {
  vendorTable('google-cookies', [
    { name: 'SOCS', ...google, category: 'essential', ifDeleted: 'asks-consent' },
    { name: 'SOCS', ...youtube, category: 'essential', ifDeleted: 'asks-consent' },
    { name: 'CONSENT', ...google, category: 'essential', ifDeleted: 'asks-consent' },
    {
      name: 'AEC',
      domain: '.google.com',
      site: 'https://www.google.com/',
      vendor: 'Google',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-ENID',
      domain: '.google.com',
      site: 'https://www.google.com/',
      vendor: 'Google',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
  ]);
});

const entra = { domain: 'login.microsoftonline.com', site: 'https://login.microsoftonline.com/', vendor: 'Microsoft' };
const live = { domain: '.live.com', site: 'https://login.live.com/', vendor: 'Microsoft' };

describe('Microsoft (https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies)', () => {
  vendorTable('microsoft-accounts', [
    { name: 'ESTSAUTH', ...entra, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'ESTSAUTHPERSISTENT', ...entra, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'ESTSAUTHLIGHT', ...entra, category: 'essential', ifDeleted: 'security-check' },
    { name: 'SignInStateCookie', ...entra, category: 'essential', ifDeleted: 'security-check' },
    { name: 'buid', ...entra, category: 'essential', ifDeleted: 'security-check' },
    { name: 'fpc', ...entra, category: 'essential', ifDeleted: 'nothing' },
    { name: 'esctx', ...entra, category: 'essential', ifDeleted: 'security-check' },
    { name: 'ch', ...entra, category: 'essential', ifDeleted: 'security-check' },
    { name: 'ESTSUSERLIST', ...entra, category: 'functional', ifDeleted: 'forgets-preference' },
    { name: 'x-ms-gateway-slice', ...entra, category: 'essential', ifDeleted: 'nothing' },
    { name: 'stsservicecookie', ...entra, category: 'essential', ifDeleted: 'nothing' },
    { name: 'x-ms-refreshtokencredential', ...entra, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'estsStateTransient', ...entra, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'estsStatePersistent', ...entra, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'MSFPC', ...entra, category: 'marketing', ifDeleted: 'nothing' },
    { name: 'CCState', ...entra, category: 'essential', ifDeleted: 'nothing' },
    // https://learn.microsoft.com/en-us/previous-versions/ms817196(v=msdn.10) (.NET Passport cookies)
    { name: 'MSPAuth', ...live, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'MSPProf', ...live, category: 'essential', ifDeleted: 'signs-out' },
    // No platform documentation: Open Cookie Database.
    { name: 'WLSSC', ...live, category: 'essential', ifDeleted: 'signs-out' },
    // No platform documentation: Firesheep's Windows Live handler (xpi/handlers/live.js).
    { name: 'RPSTAuth', ...live, category: 'essential', ifDeleted: 'signs-out' },
    // No platform documentation: BingImageCreator signs in to Bing with _U.
    {
      name: '_U',
      domain: '.bing.com',
      site: 'https://www.bing.com/',
      vendor: 'Microsoft',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    // No platform documentation: CVE-2015-1628 names OWA's canary cookie; no domains, Exchange sets it on customers' hosts too.
    {
      name: 'X-OWA-CANARY',
      domain: 'outlook.live.com',
      site: 'https://outlook.live.com/mail/',
      vendor: 'Microsoft',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'X-OWA-CANARY',
      domain: 'mail.contoso.example',
      site: 'https://mail.contoso.example/owa/',
      vendor: 'Microsoft',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

const amazon = { domain: '.amazon.com', site: 'https://www.amazon.com/', vendor: 'Amazon' };
const amazonUk = { domain: '.amazon.co.uk', site: 'https://www.amazon.co.uk/', vendor: 'Amazon' };
const amazonDe = { domain: '.amazon.de', site: 'https://www.amazon.de/', vendor: 'Amazon' };

describe('Amazon (no cookie names documented; public evidence: Firesheep, Paladion, amazon-orders, amazon_photos)', () => {
  vendorTable('amazon-accounts', [
    { name: 'x-main', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'at-main', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'sess-at-main', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'sst-main', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'ubid-main', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'session-id', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'session-token', ...amazon, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'i18n-prefs', ...amazon, category: 'functional', ifDeleted: 'forgets-preference' },
    { name: 'lc-main', ...amazon, category: 'functional', ifDeleted: 'forgets-preference' },
    // Regional storefronts: the -main suffix becomes acb<country>.
    { name: 'x-acb{region}', instance: 'x-acbuk', ...amazonUk, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'at-acb{region}', instance: 'at-acbuk', ...amazonUk, category: 'essential', ifDeleted: 'signs-out' },
    {
      name: 'at-acb{region}',
      instance: 'at-acbjp',
      domain: '.amazon.co.jp',
      site: 'https://www.amazon.co.jp/',
      vendor: 'Amazon',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sess-at-acb{region}',
      instance: 'sess-at-acbde',
      ...amazonDe,
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sst-acb{region}',
      instance: 'sst-acbin',
      domain: '.amazon.in',
      site: 'https://www.amazon.in/',
      vendor: 'Amazon',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    { name: 'ubid-acb{region}', instance: 'ubid-acbde', ...amazonDe, category: 'essential', ifDeleted: 'signs-out' },
    {
      name: 'lc-acb{region}',
      instance: 'lc-acbde',
      ...amazonDe,
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    { name: 'session-id', ...amazonUk, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'session-token', ...amazonDe, category: 'essential', ifDeleted: 'signs-out' },
    { name: 'i18n-prefs', ...amazonDe, category: 'functional', ifDeleted: 'forgets-preference' },
  ]);
});

describe('Apple (no cookie names documented; https://github.com/fastlane/itc-api-docs/)', () => {
  vendorTable('apple', [
    {
      name: 'myacinfo',
      domain: '.apple.com',
      site: 'https://account.apple.com/',
      vendor: 'Apple',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Yahoo (no cookie names documented; public evidence)', () => {
  vendorTable('yahoo-accounts', [
    {
      name: 'T',
      domain: '.yahoo.com',
      site: 'https://mail.yahoo.com/',
      vendor: 'Yahoo',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'Y',
      domain: '.yahoo.com',
      site: 'https://mail.yahoo.com/',
      vendor: 'Yahoo',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});
