import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPERLEAF_HOST } from '../demo-world/sites/paperleaf';
import { SOCIAL_HOST } from '../demo-world/sites/social';
import { type DemoWorld, startDemoWorld } from '../demo-world/world';
import { type BrowserHarness, type HarnessPage, popupPath } from './harness/browser-harness';
import { waitForView } from './harness/harness-support';
import { HARNESSES } from './harness/harnesses';

/**
 * Never sign anyone out, in real Chromium and in Firefox ESR, each with its build: a person signed in
 * to a reading club (an unlabelled server session and a CSRF cookie) that embeds a social platform's
 * Like button (whose sign-in cookie also serves the button and tracks). One click, then keeping the
 * site clean, take the tracking cookies and leave both sign-ins; "Also sign me out of Meta" then signs
 * the person out of the platform only, and undo signs them back in.
 */

const SETTLE = { timeout: 15_000 };

const SIGN_INS = ['c_user @ .facebook-demo.test', 'xs @ .facebook-demo.test'];
const KEPT = [
  ...SIGN_INS,
  'csrftoken @ www.paperleaf.test',
  'datr @ .facebook-demo.test',
  'plk @ www.paperleaf.test',
].sort();
const TRACKING = ['_fbp @ www.paperleaf.test', '_ga @ www.paperleaf.test', 'fr @ .facebook-demo.test'];

const loginState = (page: HarnessPage) => page.attribute('#login-state', 'data-state');
const likeState = (page: HarnessPage) => page.frame('#like').attribute('#like-state', 'data-state');

/**
 * The Meta group the popup keeps because removing it signs the person out (Meta has another kept
 * group, for a security check), as a selector for what is inside it; null while there is none.
 */
async function signOutGroup(popup: HarnessPage): Promise<string | null> {
  const index = await popup.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="kept"] > li')].findIndex(
        (li) =>
          li.getAttribute('data-testid') === 'kept-group' &&
          li.getAttribute('data-vendor') === 'Meta' &&
          (li.textContent ?? '').includes('sign you out'),
      ),
    null,
  );
  return index < 0 ? null : `[data-testid="kept"] > li:nth-child(${index + 1})`;
}

/** Signs in to the social platform, then to the reading club, with their forms as a person would. */
async function signIn(harness: BrowserHarness, world: DemoWorld): Promise<HarnessPage> {
  const social = await harness.openTab(world.url(SOCIAL_HOST, '/'));
  await social.click('#social-login');
  await social.waitFor('#social-state[data-state="signed-in"]');
  await social.close();
  const page = await harness.openTab(world.url(PAPERLEAF_HOST, '/'));
  await page.click('#login');
  await page.waitFor('#login-state[data-state="logged-in"]');
  return page;
}

describe.each(HARNESSES)('signed in to a site that embeds a social platform, in $name', ({ launch }) => {
  let world: DemoWorld;
  let harness: BrowserHarness;
  let page: HarnessPage;
  let popup: HarnessPage;

  const storeNames = async () => (await harness.cookies()).map((c) => `${c.name} @ ${c.domain}`).sort();

  beforeAll(async () => {
    world = await startDemoWorld();
    harness = await launch({
      hosts: [PAPERLEAF_HOST, SOCIAL_HOST],
      acceptInsecureCerts: true,
      allowThirdPartyCookies: true,
    });
  });

  afterAll(async () => {
    await harness?.close();
    await world?.close();
  });

  it('one click removes the tracking cookies and keeps both sign-ins', async () => {
    page = await signIn(harness, world);
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    const tabId = await harness.tabIdOf(page.url());
    await waitForView(harness, tabId, (v) => {
      const have = new Set(v.cookies.map((r) => `${r.cookie.name} @ ${r.cookie.domain}`));
      return [...KEPT, ...TRACKING].every((id) => have.has(id));
    });
    const view = await harness.request('getTabView', { tabId });
    const cUser = view.cookies.find((r) => r.cookie.name === 'c_user')?.label;
    // On this site the platform's sign-in cookie is what it is here: a tracker that signs you in.
    expect(cUser).toMatchObject({ category: 'marketing', ifDeleted: 'signs-out', vendor: 'Meta', party: 'third' });
    expect(view.cookies.find((r) => r.cookie.name === 'plk')?.label.ifDeleted).toBe('signs-out');

    popup = await harness.openExtensionPage(popupPath(tabId));
    await expect.poll(() => popup.text('[data-testid="site"]'), SETTLE).toBe('paperleaf.test');
    await expect.poll(() => popup.text('[data-testid="remove-optional"]'), SETTLE).toBe('Remove 3 optional cookies');
    await popup.click('[data-testid="remove-optional"]');
    await expect.poll(() => popup.text('[data-testid="outcome"]'), SETTLE).toContain('Removed 3 cookies');
    expect(await storeNames()).toEqual(KEPT);
    const group = await signOutGroup(popup);
    expect(group).not.toBeNull();
    expect(await popup.text(group!)).toContain('2 cookies kept: removing them would sign you out of Meta.');

    await page.reload();
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
  });

  it('keeping the site clean takes what the pages set again, and still signs nobody out', async () => {
    await popup.click('[role="switch"]');
    await page.reload();
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    // The page script and the button set their tracking cookies again; each goes as it comes.
    await expect.poll(storeNames, SETTLE).toEqual(KEPT);
    const history = await harness.request('getHistory', {});
    expect(history.some((b) => b.trigger === 'automatic' && b.site === 'paperleaf.test')).toBe(true);
  });

  it('signs out of the platform only when asked, with the consequence spelt out, and undo signs back in', async () => {
    const group = await signOutGroup(popup);
    expect(group).not.toBeNull();
    await popup.click(`${group} [data-testid="also-remove"]`);
    await popup.waitFor(`${group} [data-testid="confirm-removal"]`);
    expect(await popup.text(`${group} [data-testid="confirm-removal"]`)).toContain(
      'Removing these 2 cookies would sign you out of Meta',
    );
    await popup.click(`${group} [data-testid="confirm-remove"]`);
    await expect.poll(() => popup.text('[data-testid="outcome"]'), SETTLE).toContain('Removed 2 cookies');
    await expect.poll(storeNames, SETTLE).toEqual(KEPT.filter((id) => !SIGN_INS.includes(id)));
    await page.reload();
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-out');

    await popup.click('[data-testid="outcome"] button.primary');
    await expect.poll(storeNames, SETTLE).toEqual(KEPT);
    await page.reload();
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    expect(await loginState(page)).toBe('logged-in');
  });
});
