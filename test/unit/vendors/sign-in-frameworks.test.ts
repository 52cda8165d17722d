import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

/**
 * Session, CSRF and sign-in cookies of web frameworks and identity providers, written from their
 * documentation. Framework cookies carry no domains: they must be labelled on any site.
 */

const site = 'https://app.example/';
const domain = 'app.example';

describe('PHP (https://php.net/session_name)', () => {
  vendorTable('php', [
    { name: 'PHPSESSID', domain, site, vendor: 'PHP', category: 'essential', ifDeleted: 'signs-out' },
  ]);
});

describe('Java Servlet (https://help.sap.com/saphelp_nw73/helpdata/en/49/c9fa1002c8087be10000000a42189d/content.htm)', () => {
  vendorTable('java-servlet', [
    { name: 'JSESSIONID', domain, site, vendor: 'Java Servlet', category: 'essential', ifDeleted: 'signs-out' },
  ]);
});

describe('ASP.NET (https://learn.microsoft.com/es-es/dotnet/api/system.web.configuration.sessionstatesection.cookiename)', () => {
  vendorTable('aspnet', [
    { name: 'ASP.NET_SessionId', domain, site, vendor: 'ASP.NET', category: 'essential', ifDeleted: 'signs-out' },
    { name: '.ASPXAUTH', domain, site, vendor: 'ASP.NET', category: 'essential', ifDeleted: 'signs-out' },
    {
      name: '__RequestVerificationToken',
      domain,
      site,
      vendor: 'ASP.NET',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__RequestVerificationToken_*',
      instance: '__RequestVerificationToken_L3Nob3A1',
      domain,
      site,
      vendor: 'ASP.NET',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('ASP.NET Core (https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.session.sessiondefaults.cookiename)', () => {
  vendorTable('aspnet-core', [
    {
      name: '.AspNetCore.Identity.Application',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '.AspNetCore.Session',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '.AspNetCore.Cookies',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '.AspNetCore.Antiforgery.*',
      instance: '.AspNetCore.Antiforgery.VyLW6ORzMgk',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '.AspNetCore.Culture',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    { name: '.AspNet.Consent', domain, site, vendor: 'ASP.NET Core', category: 'essential', ifDeleted: 'asks-consent' },
  ]);
});

describe('Ruby on Rails (https://apidock.com/rails/ActionDispatch/Session/CookieStore)', () => {
  vendorTable('rails', [
    {
      name: '_{app}_session',
      instance: '_myapp_session',
      domain,
      site,
      vendor: 'Ruby on Rails',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_{app}_session',
      instance: '_rails_app_session',
      domain,
      site,
      vendor: 'Ruby on Rails',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Devise (https://github.com/heartcombo/devise/blob/0c991af9851d0742d2ff9277dccf1d7572cfc115/lib/devise/controllers/rememberable.rb)', () => {
  vendorTable('devise', [
    { name: 'remember_user_token', domain, site, vendor: 'Devise', category: 'essential', ifDeleted: 'signs-out' },
    {
      name: 'remember_{scope}_token',
      instance: 'remember_admin_token',
      domain,
      site,
      vendor: 'Devise',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Django (https://docs.djangoproject.com/en/5.2/ref/settings/#csrf-cookie-name)', () => {
  vendorTable('django-framework', [
    { name: 'sessionid', domain, site, vendor: 'Django', category: 'essential', ifDeleted: 'signs-out' },
    { name: 'csrftoken', domain, site, vendor: 'Django', category: 'essential', ifDeleted: 'security-check' },
    {
      name: 'django_language',
      domain,
      site,
      vendor: 'Django',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
  ]);
});

describe('Laravel (https://laravel.com/docs/9.x/csrf)', () => {
  vendorTable('laravel-framework', [
    { name: 'laravel_session', domain, site, vendor: 'Laravel', category: 'essential', ifDeleted: 'signs-out' },
    { name: 'XSRF-TOKEN', domain, site, vendor: 'Laravel', category: 'essential', ifDeleted: 'security-check' },
    {
      name: 'remember_web_{hash}',
      instance: 'remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d',
      domain,
      site,
      vendor: 'Laravel',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Express (https://github.com/expressjs/session#name)', () => {
  vendorTable('express', [
    { name: 'connect.sid', domain, site, vendor: 'Express', category: 'essential', ifDeleted: 'signs-out' },
    { name: '_csrf', domain, site, vendor: 'Express', category: 'essential', ifDeleted: 'security-check' },
  ]);
});

describe('Spring (https://docs.spring.io/spring-session/reference/configuration/common.html)', () => {
  vendorTable('spring', [
    { name: 'SESSION', domain, site, vendor: 'Spring', category: 'essential', ifDeleted: 'signs-out' },
    { name: 'remember-me', domain, site, vendor: 'Spring', category: 'essential', ifDeleted: 'signs-out' },
  ]);
});

describe('Keycloak (https://keycloak.org/docs-api/21.1.2/javadocs/org/keycloak/services/managers/AuthenticationManager.html)', () => {
  vendorTable('keycloak-server', [
    {
      name: 'KEYCLOAK_IDENTITY',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KEYCLOAK_IDENTITY_LEGACY',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KEYCLOAK_SESSION',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KEYCLOAK_SESSION_LEGACY',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'AUTH_SESSION_ID',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'AUTH_SESSION_ID_LEGACY',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KC_RESTART',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'KEYCLOAK_REMEMBER_ME',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
    {
      name: 'KEYCLOAK_LOCALE',
      domain: 'sso.example',
      site: 'https://sso.example/realms/demo/account',
      vendor: 'Keycloak',
      category: 'functional',
      ifDeleted: 'forgets-preference',
    },
  ]);
});

describe('Auth0 (https://www.auth0.com/docs/manage-users/cookies/authentication-api-cookies)', () => {
  vendorTable('auth0-cookies', [
    {
      name: 'auth0',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'auth0_compat',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'auth0-mf',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'auth0-mf_compat',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'a0_users:sess',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'a0_users:sess.sig',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'did',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'did_compat',
      domain: 'example.auth0.com',
      site: 'https://example.auth0.com/u/login',
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    // https://github.com/auth0/auth0-spa-js/issues/95
    {
      name: 'auth0.{clientId}.is.authenticated',
      instance: 'auth0.aBc123XyZ.is.authenticated',
      domain,
      site,
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '_legacy_auth0.{clientId}.is.authenticated',
      instance: '_legacy_auth0.aBc123XyZ.is.authenticated',
      domain,
      site,
      vendor: 'Auth0',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Okta (https://developer.okta.com/docs/guides/oie-upgrade-sessions-api/main)', () => {
  vendorTable('okta', [
    {
      name: 'idx',
      domain: 'example.okta.com',
      site: 'https://example.okta.com/app/UserHome',
      vendor: 'Okta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sid',
      domain: 'example.okta.com',
      site: 'https://example.okta.com/app/UserHome',
      vendor: 'Okta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'DT',
      domain: 'example.okta.com',
      site: 'https://example.okta.com/app/UserHome',
      vendor: 'Okta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Amazon Cognito (https://www.repost.aws/knowledge-center/cognito-logout-endpoint-globalsignoutapi)', () => {
  vendorTable('amazon-cognito', [
    {
      name: 'cognito',
      domain: 'example.auth.us-east-1.amazoncognito.com',
      site: 'https://example.auth.us-east-1.amazoncognito.com/login',
      vendor: 'Amazon Cognito',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'XSRF-TOKEN',
      domain: 'example.auth.us-east-1.amazoncognito.com',
      site: 'https://example.auth.us-east-1.amazoncognito.com/login',
      vendor: 'Amazon Cognito',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'csrf-state',
      domain: 'example.auth.us-east-1.amazoncognito.com',
      site: 'https://example.auth.us-east-1.amazoncognito.com/login',
      vendor: 'Amazon Cognito',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'csrf-state-legacy',
      domain: 'example.auth.us-east-1.amazoncognito.com',
      site: 'https://example.auth.us-east-1.amazoncognito.com/login',
      vendor: 'Amazon Cognito',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Firebase (https://firebase.google.com/docs/hosting/manage-cache)', () => {
  vendorTable('firebase', [
    {
      name: '__session',
      domain: 'example.web.app',
      site: 'https://example.web.app/',
      vendor: 'Firebase',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Supabase (https://supabase.com/docs/guides/auth/server-side/creating-a-client)', () => {
  vendorTable('supabase-auth', [
    {
      name: 'sb-{ref}-auth-token',
      instance: 'sb-abcdefghijklmnop-auth-token',
      domain,
      site,
      vendor: 'Supabase',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sb-{ref}-auth-token.{chunk}',
      instance: 'sb-abcdefghijklmnop-auth-token.0',
      domain,
      site,
      vendor: 'Supabase',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sb-{ref}-auth-token-code-verifier',
      instance: 'sb-abcdefghijklmnop-auth-token-code-verifier',
      domain,
      site,
      vendor: 'Supabase',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    { name: 'sb-access-token', domain, site, vendor: 'Supabase', category: 'essential', ifDeleted: 'signs-out' },
    { name: 'sb-refresh-token', domain, site, vendor: 'Supabase', category: 'essential', ifDeleted: 'signs-out' },
  ]);
});

describe('NextAuth.js (https://next-auth.js.org/configuration/options)', () => {
  vendorTable('nextauth', [
    {
      name: 'next-auth.session-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'next-auth.session-token.{n}',
      instance: 'next-auth.session-token.1',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'next-auth.callback-url',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: 'next-auth.pkce.code_verifier',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'next-auth.state',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'next-auth.nonce',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-next-auth.session-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Secure-next-auth.session-token.{n}',
      instance: '__Secure-next-auth.session-token.1',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Secure-next-auth.callback-url',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: '__Secure-next-auth.pkce.code_verifier',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-next-auth.state',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-next-auth.nonce',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'next-auth.csrf-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Host-next-auth.csrf-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'authjs.session-token.{n}',
      instance: 'authjs.session-token.1',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    { name: 'authjs.callback-url', domain, site, vendor: 'NextAuth.js', category: 'essential', ifDeleted: 'nothing' },
    {
      name: 'authjs.pkce.code_verifier',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    { name: 'authjs.state', domain, site, vendor: 'NextAuth.js', category: 'essential', ifDeleted: 'security-check' },
    { name: 'authjs.nonce', domain, site, vendor: 'NextAuth.js', category: 'essential', ifDeleted: 'security-check' },
    {
      name: '__Secure-authjs.session-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Secure-authjs.session-token.{n}',
      instance: '__Secure-authjs.session-token.1',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: '__Secure-authjs.callback-url',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'nothing',
    },
    {
      name: '__Secure-authjs.pkce.code_verifier',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-authjs.state',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Secure-authjs.nonce',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'authjs.csrf-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__Host-authjs.csrf-token',
      domain,
      site,
      vendor: 'NextAuth.js',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});
