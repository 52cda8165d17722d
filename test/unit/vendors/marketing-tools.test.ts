import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

// Rows written from each vendor's own document, not from data/. Skipped (no vendor-documented cookie
// names found): Unbounce, Mailchimp, Omnisend; Criteo's cto_* cookies.

describe('Criteo (https://criteo.com/privacy/how-we-use-your-data, https://github.com/criteo/gtm-criteo-useridentification)', () => {
  vendorTable('criteo', [
    { name: 'UID', domain: 'criteo.com', site: 'https://news.example/', vendor: 'Criteo', category: 'marketing' },
    {
      name: 'crto_mapped_user_id',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Criteo',
      category: 'marketing',
    },
    {
      name: 'crto_is_user_optout',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Criteo',
      category: 'marketing',
    },
  ]);
});

describe('Mautic (https://github.com/mautic/mautic)', () => {
  vendorTable('mautic', [
    {
      name: 'mautic_device_id',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Mautic',
      category: 'marketing',
    },
    { name: 'mtc_id', domain: 'shop.example', site: 'https://shop.example/', vendor: 'Mautic', category: 'marketing' },
    { name: 'mtc_sid', domain: 'shop.example', site: 'https://shop.example/', vendor: 'Mautic', category: 'marketing' },
    {
      name: 'mautic_referer_id',
      domain: 'mautic.shop.example',
      site: 'https://shop.example/',
      vendor: 'Mautic',
      category: 'marketing',
    },
  ]);
});

describe('AddThis (http://support.addthis.com/customer/portal/questions/327365-cookie-audit)', () => {
  vendorTable('addthis', [
    { name: 'uid', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'marketing' },
    { name: 'di', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
    { name: 'dt', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
    { name: 'bt', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'marketing' },
    { name: 'uvc', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
    { name: 'ssc', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
    { name: 'psc', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
    { name: 'loc', domain: 'addthis.com', site: 'https://blog.example/', vendor: 'AddThis', category: 'analytics' },
  ]);
});

describe('Sumo (https://help.bdow.com/en/articles/9062731-how-sumo-cookies-work)', () => {
  vendorTable('sumo', [
    {
      name: '__smListBuilderShown',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smSmartBarShown',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smScrollBoxShown',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smWelcomeMatShown',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smListBuilderOptOut',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smSmartBarOptOut',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smScrollBoxOptOut',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smWelcomeMatOptOut',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    {
      name: '__smSubscribed',
      domain: 'blog.example',
      site: 'https://blog.example/',
      vendor: 'Sumo',
      category: 'functional',
    },
    { name: '__smUser', domain: 'blog.example', site: 'https://blog.example/', vendor: 'Sumo', category: 'essential' },
    { name: '__smToken', domain: 'blog.example', site: 'https://blog.example/', vendor: 'Sumo', category: 'essential' },
  ]);
});

describe('Marketo (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/javascriptapi/leadtracking/lead-tracking?lang=en, Marketo Measure cookies page)', () => {
  vendorTable('marketo', [
    {
      name: '_mkto_trk',
      domain: 'b2b.example',
      site: 'https://b2b.example/',
      vendor: 'Marketo',
      category: 'marketing',
    },
    { name: '_biz_uid', domain: 'b2b.example', site: 'https://b2b.example/', vendor: 'Marketo', category: 'marketing' },
    { name: '_biz_nA', domain: 'b2b.example', site: 'https://b2b.example/', vendor: 'Marketo', category: 'marketing' },
    {
      name: '_biz_flagsA',
      domain: 'b2b.example',
      site: 'https://b2b.example/',
      vendor: 'Marketo',
      category: 'marketing',
    },
    {
      name: '_biz_pendingA',
      domain: 'b2b.example',
      site: 'https://b2b.example/',
      vendor: 'Marketo',
      category: 'marketing',
    },
    {
      name: '_biz_ABTestA',
      domain: 'b2b.example',
      site: 'https://b2b.example/',
      vendor: 'Marketo',
      category: 'marketing',
    },
    {
      name: '_biz_EventA',
      domain: 'b2b.example',
      site: 'https://b2b.example/',
      vendor: 'Marketo',
      category: 'marketing',
    },
    { name: '_biz_su', domain: 'b2b.example', site: 'https://b2b.example/', vendor: 'Marketo', category: 'marketing' },
    { name: '_BUID', domain: 'bizible.com', site: 'https://b2b.example/', vendor: 'Marketo', category: 'marketing' },
  ]);
});

describe('Segment (https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/website/javascript/cookie-validity-update)', () => {
  vendorTable('segment', [
    {
      name: 'ajs_anonymous_id',
      domain: 'app.example',
      site: 'https://app.example/',
      vendor: 'Segment',
      category: 'analytics',
    },
    {
      name: 'ajs_user_id',
      domain: 'app.example',
      site: 'https://app.example/',
      vendor: 'Segment',
      category: 'analytics',
    },
    {
      name: 'ajs_group_id',
      domain: 'app.example',
      site: 'https://app.example/',
      vendor: 'Segment',
      category: 'analytics',
    },
  ]);
});
