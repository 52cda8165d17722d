import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

const site = 'https://shop.example/';
const domain = 'shop.example';

describe('HUMAN Security (https://docs.humansecurity.com/applications-and-accounts/docs/cookies)', () => {
  vendorTable('human-security', [
    { name: '_pxvid', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '__pxvid', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_px', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_px2', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_px3', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_pxff_*', instance: '_pxff_af_c', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_pxff_*', instance: '_pxff_tm', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_pxmvid', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_pxhd', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: 'pxcts', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    { name: '_pxde', domain, site, vendor: 'HUMAN Security', category: 'analytics' },
    { name: '_pxttld', domain, site, vendor: 'HUMAN Security', category: 'essential' },
    // https://docs.humansecurity.com/applications/use-of-cookies-web-storage
    { name: '_pxac', domain, site, vendor: 'HUMAN Security', category: 'essential' },
  ]);
});

describe('DataDome (https://docs.datadome.co/docs/cookie-session-storage)', () => {
  vendorTable('datadome', [
    { name: 'datadome', domain, site, vendor: 'DataDome', category: 'essential' },
    { name: 'dd_testcookie', domain, site, vendor: 'DataDome', category: 'essential' },
  ]);
});

describe('PrestaShop (https://github.com/PrestaShop/PrestaShop/blob/011f37d9f0f7ff60035df56d37c81877ad2ffcb6/classes/Cookie.php)', () => {
  vendorTable('prestashop', [
    {
      name: 'PrestaShop-{hash}',
      instance: 'PrestaShop-0d3b6f1e2a4c5d6e7f8091a2b3c4d5e6',
      domain,
      site,
      vendor: 'PrestaShop',
      category: 'essential',
    },
  ]);
});

describe('ASP.NET Core (https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.session.sessiondefaults.cookiename)', () => {
  vendorTable('aspnet-core', [
    { name: '.AspNetCore.Session', domain, site, vendor: 'ASP.NET Core', category: 'essential' },
    // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.antiforgery.antiforgeryoptions.cookie
    {
      name: '.AspNetCore.Antiforgery.*',
      instance: '.AspNetCore.Antiforgery.VyLW6ORzMgk',
      domain,
      site,
      vendor: 'ASP.NET Core',
      category: 'essential',
    },
    // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.builder.cookieauthenticationoptions.cookiename
    { name: '.AspNetCore.Cookies', domain, site, vendor: 'ASP.NET Core', category: 'essential' },
    // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.localization.cookierequestcultureprovider.defaultcookiename
    { name: '.AspNetCore.Culture', domain, site, vendor: 'ASP.NET Core', category: 'functional' },
    // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.builder.cookiepolicyoptions.consentcookie
    { name: '.AspNet.Consent', domain, site, vendor: 'ASP.NET Core', category: 'essential' },
  ]);
});
