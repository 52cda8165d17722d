import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import chromeManifest from '../../manifest.json' with { type: 'json' };
import {
  type Browser,
  manifestGrants,
  parsePrivacy,
  privacyProblems,
  UNDECLARED_KEYS,
} from '../../scripts/lib/privacy-permissions';
import viteConfig, { firefoxManifest } from '../../vite.config';

const ROOT = resolve(import.meta.dirname, '../..');
const privacyText = readFileSync(resolve(ROOT, 'PRIVACY.md'), 'utf8');
const privacy = parsePrivacy(privacyText);

function asObject(value: unknown, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error(`${label} should be a manifest object`);
  return value as Record<string, unknown>;
}

const manifests: Record<Browser, Record<string, unknown>> = {
  chrome: asObject(chromeManifest, 'manifest.json'),
  firefox: asObject(firefoxManifest(), 'firefoxManifest()'),
};

function extensionConfig(mode: string): UserConfig {
  const env: ConfigEnv = { command: 'build', mode, isSsrBuild: false, isPreview: false };
  if (typeof viteConfig !== 'function') throw new Error('vite.config.ts should export a function of the mode');
  return viteConfig(env) as UserConfig;
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest and PRIVACY.md', (browser) => {
  const manifest = manifests[browser];

  it('agree on every permission, host permission and the private-window mode', () => {
    expect(privacyProblems(manifest, browser, privacy)).toEqual([]);
  });

  it('fail when the manifest gains a permission PRIVACY.md does not explain', () => {
    const wider = { ...manifest, permissions: [...manifestGrants(manifest, browser).permissions, 'history'] };
    expect(privacyProblems(wider, browser, privacy)).toEqual([expect.stringContaining('`history`')]);
  });

  it('fail when the manifest gains a host permission PRIVACY.md does not explain', () => {
    const hosts = [...manifestGrants(manifest, browser).hostPermissions, '<all_urls>'];
    expect(privacyProblems({ ...manifest, host_permissions: hosts }, browser, privacy)).toEqual([
      expect.stringContaining('`<all_urls>`'),
    ]);
  });

  it('fail when the manifest drops a permission PRIVACY.md still explains', () => {
    const narrower = { ...manifest, permissions: manifestGrants(manifest, browser).permissions.slice(1) };
    expect(privacyProblems(narrower, browser, privacy)).toHaveLength(1);
  });

  it('fail when the manifest lets pages or other extensions in, or asks to widen later', () => {
    for (const key of UNDECLARED_KEYS) {
      expect(privacyProblems({ ...manifest, [key]: [] }, browser, privacy)).toEqual([expect.stringContaining(key)]);
    }
  });

  it('fail when the pages could make network requests', () => {
    const csp = { extension_pages: "default-src 'self'; script-src 'self'" };
    expect(privacyProblems({ ...manifest, content_security_policy: csp }, browser, privacy)).toEqual([
      expect.stringContaining("connect-src 'none'"),
    ]);
  });

  it('fail when the private-window mode changes', () => {
    expect(privacyProblems({ ...manifest, incognito: 'not_allowed' }, browser, privacy)).toEqual([
      expect.stringContaining('incognito'),
    ]);
  });
});

describe('the manifests', () => {
  it('do not ask for file:// pages', () => {
    for (const manifest of Object.values(manifests)) {
      expect(manifestGrants(manifest, 'manifest').hostPermissions).not.toContain('<all_urls>');
      expect(manifestGrants(manifest, 'manifest').hostPermissions.filter((h) => h.startsWith('file:'))).toEqual([]);
    }
  });
});

describe('PRIVACY.md', () => {
  it('is refused with the line named when a row says neither yes nor no', () => {
    const broken = privacyText.replace('| `cookies` | yes | yes |', '| `cookies` | maybe | yes |');
    expect(broken).not.toBe(privacyText);
    expect(() => parsePrivacy(broken)).toThrow(/line \d+: the Chrome column says "maybe"/);
  });

  it('is refused when a table is missing', () => {
    expect(() => parsePrivacy(privacyText.replace('## Host permissions', '## Hosts'))).toThrow(/Host permissions/);
    expect(() => parsePrivacy(privacyText.replace('## Private windows', '## Windows'))).toThrow(/Private windows/);
  });
});

describe.each([
  ['chrome', 'production'],
  ['firefox', 'firefox'],
])('the %s build configuration', (_browser, mode) => {
  const config = extensionConfig(mode);

  it('writes no source maps', () => {
    expect(config.build?.sourcemap).toBe(false);
  });

  it('does not copy public/ beside the icons the manifest names', () => {
    expect(config.publicDir).toBe(false);
  });
});
