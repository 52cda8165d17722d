import { describe } from 'vitest';
import { vendorTable } from './vendor-table';

// Sign-in, security and control cookies of social platforms, written from each platform's cookie
// documentation or, where the platform names no cookies, from the public evidence cited in the catalog
// entry's reason. Each row is labelled through the whole catalog. Not covered here: the category of a
// sign-in cookie seen from another site's tab (embeddedCategory), which the labeller does not apply yet.

describe('Meta (https://www.facebook.com/policies/cookies/, https://privacycenter.instagram.com/policies/cookies/)', () => {
  vendorTable('meta', [
    {
      name: 'c_user',
      domain: 'facebook.com',
      site: 'https://www.facebook.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'xs',
      domain: 'facebook.com',
      site: 'https://www.facebook.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'datr',
      domain: 'facebook.com',
      site: 'https://www.facebook.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'sb',
      domain: 'facebook.com',
      site: 'https://www.facebook.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'fr',
      domain: 'facebook.com',
      site: 'https://www.facebook.com/',
      vendor: 'Meta',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
    {
      name: '_fbp',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Meta',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
    {
      name: 'sessionid',
      domain: 'instagram.com',
      site: 'https://www.instagram.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ds_user_id',
      domain: 'instagram.com',
      site: 'https://www.instagram.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'csrftoken',
      domain: 'instagram.com',
      site: 'https://www.instagram.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'mid',
      domain: 'instagram.com',
      site: 'https://www.instagram.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'ig_did',
      domain: 'instagram.com',
      site: 'https://www.instagram.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'sessionid',
      domain: 'threads.com',
      site: 'https://www.threads.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'csrftoken',
      domain: 'threads.com',
      site: 'https://www.threads.com/',
      vendor: 'Meta',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('X (https://help.x.com/en/rules-and-policies/x-cookies)', () => {
  vendorTable('x-twitter', [
    {
      name: 'auth_token',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'twid',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ct0',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'kdt',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'guest_id_ads',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
    {
      name: 'personalization_id',
      domain: 'x.com',
      site: 'https://x.com/',
      vendor: 'X',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
    {
      name: 'auth_token',
      domain: 'twitter.com',
      site: 'https://twitter.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'ct0',
      domain: 'twitter.com',
      site: 'https://twitter.com/',
      vendor: 'X',
      category: 'essential',
      ifDeleted: 'security-check',
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
      ifDeleted: 'signs-out',
    },
    {
      name: 'liap',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'li_rm',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'JSESSIONID',
      domain: 'www.linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'bcookie',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'bscookie',
      domain: 'www.linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'UserMatchHistory',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
    {
      name: 'AnalyticsSyncHistory',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: 'li_sugr',
      domain: 'linkedin.com',
      site: 'https://www.linkedin.com/',
      vendor: 'LinkedIn',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('Reddit (https://www.reddit.com/policies/cookies)', () => {
  vendorTable('reddit', [
    {
      name: 'reddit_session',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'token_v2',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'csrf_token',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'loid',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
    {
      name: 'edgebucket',
      domain: 'reddit.com',
      site: 'https://www.reddit.com/',
      vendor: 'Reddit',
      category: 'analytics',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('TikTok (https://www.tiktok.com/legal/page/global/tiktok-website-cookies-policy/en)', () => {
  vendorTable('tiktok', [
    {
      name: 'sid_tt',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sessionid',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sessionid_ss',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sid_guard',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'uid_tt',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'uid_tt_ss',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'tt_csrf_token',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'msToken',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'tt_chain_token',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'ttwid',
      domain: 'tiktok.com',
      site: 'https://www.tiktok.com/',
      vendor: 'TikTok',
      category: 'analytics',
      ifDeleted: 'nothing',
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
      ifDeleted: 'signs-out',
    },
    {
      name: '_auth',
      domain: 'pinterest.com',
      site: 'https://www.pinterest.com/',
      vendor: 'Pinterest',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'csrftoken',
      domain: 'pinterest.com',
      site: 'https://www.pinterest.com/',
      vendor: 'Pinterest',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '_pin_unauth',
      domain: 'shop.example',
      site: 'https://shop.example/',
      vendor: 'Pinterest',
      category: 'marketing',
      ifDeleted: 'nothing',
    },
  ]);
});

describe('Quora (https://www.quora.com/about/cookies)', () => {
  vendorTable('quora', [
    {
      name: 'm-b',
      domain: 'quora.com',
      site: 'https://www.quora.com/',
      vendor: 'Quora',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'm-s',
      domain: 'quora.com',
      site: 'https://www.quora.com/',
      vendor: 'Quora',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Twitch (https://github.com/bossotron13/Rust-Twitch)', () => {
  vendorTable('twitch-tv', [
    {
      name: 'auth-token',
      domain: 'twitch.tv',
      site: 'https://www.twitch.tv/',
      vendor: 'Twitch',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'persistent',
      domain: 'twitch.tv',
      site: 'https://www.twitch.tv/',
      vendor: 'Twitch',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'login',
      domain: 'twitch.tv',
      site: 'https://www.twitch.tv/',
      vendor: 'Twitch',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'twilight-user',
      domain: 'twitch.tv',
      site: 'https://www.twitch.tv/',
      vendor: 'Twitch',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'unique_id',
      domain: 'twitch.tv',
      site: 'https://www.twitch.tv/',
      vendor: 'Twitch',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('Discord (https://github.com/gitter-badger/Deadcord)', () => {
  vendorTable('discord', [
    {
      name: '__dcfduid',
      domain: 'discord.com',
      site: 'https://discord.com/app',
      vendor: 'Discord',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: '__sdcfduid',
      domain: 'discord.com',
      site: 'https://discord.com/app',
      vendor: 'Discord',
      category: 'essential',
      ifDeleted: 'security-check',
    },
  ]);
});

describe('VK (https://github.com/sergeyprok2/test)', () => {
  vendorTable('vk', [
    {
      name: 'remixsid',
      domain: 'vk.com',
      site: 'https://vk.com/',
      vendor: 'VK',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'remixnsid',
      domain: 'vk.com',
      site: 'https://vk.com/',
      vendor: 'VK',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});

describe('Yandex (https://github.com/AlexxIT/YandexStation)', () => {
  vendorTable('yandex', [
    {
      name: 'Session_id',
      domain: 'yandex.ru',
      site: 'https://yandex.ru/',
      vendor: 'Yandex',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'sessionid2',
      domain: 'yandex.ru',
      site: 'https://yandex.ru/',
      vendor: 'Yandex',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'yandex_login',
      domain: 'yandex.ru',
      site: 'https://yandex.ru/',
      vendor: 'Yandex',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
    {
      name: 'yandexuid',
      domain: 'yandex.ru',
      site: 'https://yandex.ru/',
      vendor: 'Yandex',
      category: 'essential',
      ifDeleted: 'security-check',
    },
    {
      name: 'Session_id',
      domain: 'yandex.com',
      site: 'https://yandex.com/',
      vendor: 'Yandex',
      category: 'essential',
      ifDeleted: 'signs-out',
    },
  ]);
});
