// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators; innerText is the text a person sees.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/node/chromium';
import type { FakeClient } from '../fakes/fake-client';
import type { record, tabView } from '../support/records';
import { buildFixturePage, type StaticServer, serveFolder } from './harness/fixture-page';

/**
 * Component tests: the real popup component against a FakeClient, in real Chromium (no DOM library
 * is installed). The fixture page has no chrome.i18n, so the English fallback is what shows.
 */

type Fixture = {
  client: FakeClient;
  record: typeof record;
  tabView: typeof tabView;
  tabId: number;
  showTab(id: number | null): void;
};
declare const fixture: Fixture;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const dir = join(tmpdir(), `popup-fixture-${process.pid}`);
  await buildFixturePage(join(import.meta.dirname, 'popup-fixture'), dir);
  server = await serveFolder(dir);
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
});
afterEach(async () => {
  for (const page of browser.contexts().flatMap((c) => c.pages())) await page.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(scenario: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 400, height: 600 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(server.url(`/?scenario=${scenario}`));
  return { page, errors };
}

describe('the popup against a fake worker', () => {
  it('shows the site, counts, bar and groups with their ARIA roles', async () => {
    const { page, errors } = await open('basic');
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    expect(await page.getByTestId('site').innerText()).toBe('shop.test');
    const counts = await page.locator('.legend-item').allInnerTexts();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      'Essential 2',
      'Functional 1',
      'Analytics 2',
      'Marketing 1',
      'Unknown 1',
    ]);
    expect(await page.getByTestId('extra-counts').innerText()).toBe('1 third-party · 1 partitioned');
    const bar = page.getByRole('img', { name: /2 essential and 5 optional cookies/ });
    expect(await bar.getAttribute('aria-label')).toBe(
      '2 essential and 5 optional cookies. Optional: 1 Functional, 2 Analytics, 1 Marketing, 1 Unknown.',
    );
    const groups = page.getByRole('group');
    expect(await groups.count()).toBe(5);
    expect(
      await page
        .getByRole('group', { name: /Marketing/ })
        .getByRole('listitem')
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('group', { name: /Essential/ })
        .getByRole('listitem')
        .count(),
    ).toBe(2);
    expect(await page.getByRole('button', { name: 'Remove 4 optional cookies' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('labels each row and opens its details, with the value hidden until asked', async () => {
    const { page } = await open('basic');
    const row = page.getByRole('group', { name: /Marketing/ }).getByRole('listitem');
    const text = await row.innerText();
    for (const part of [
      'IDE',
      'Third party',
      'Ad Network',
      'Shows ads based on your visits',
      'Secure',
      'SameSite=None',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Partitioned · Known name, 95% sure/);
    const toggle = row.locator('.row-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const details = await row.locator('.row-details').innerText();
    for (const part of [
      'listed as marketing',
      '.ads.test',
      'Path',
      'Expires',
      'Size',
      'Cookie store',
      'https://shop.test',
    ]) {
      expect(details).toContain(part);
    }
    expect(await row.getByTestId('cookie-value').count()).toBe(0);
    await row.getByRole('button', { name: 'Show value' }).click();
    expect(await row.getByTestId('cookie-value').innerText()).toBe('v');
    await row.getByRole('button', { name: 'Hide value' }).click();
    expect(await row.getByTestId('cookie-value').count()).toBe(0);
  });

  it('updates live without losing the open row, the scroll position or the row elements', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    await page.evaluate(() => window.scrollTo(0, 900));
    // The row that is at the top of the viewport once the list has re-rendered for the scroll.
    const name = 'cookie_0028';
    await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).toContain(name);
    const handle = await page.locator('.row-toggle').filter({ hasText: name }).elementHandle();
    await handle!.click();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => {
      const { client, record, tabId } = fixture;
      client.upsert(tabId, [
        record('zzz_late_arrival', 'marketing'),
        record('cookie_0001', 'functional', { value: 'changed' }),
      ]);
      client.remove(tabId, [client.view(tabId)!.cookies[4].key]);
    });
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('1,000 cookies in this tab');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(await handle!.evaluate((el) => el.isConnected)).toBe(true);
    expect(await handle!.getAttribute('aria-expanded')).toBe('true');
    expect(await handle!.evaluate((el) => el.querySelector('.row-name')?.textContent)).toBe(name);
  });

  it('removes the optional cookies in one click, reports by category and undoes', async () => {
    const { page } = await open('basic');
    await page.getByTestId('include-unknown').check();
    await expect.poll(() => page.getByTestId('remove-optional').innerText()).toBe('Remove 5 optional cookies');
    await page.getByTestId('include-unknown').uncheck();
    await page.getByTestId('remove-optional').click();
    await expect
      .poll(() => page.getByTestId('outcome').innerText())
      .toContain('Removed 4 cookies: 1 functional, 2 analytics, 1 marketing.');
    // The fake pushes the removal a moment after its reply, like the worker.
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('3 cookies in this tab');
    expect(await page.getByTestId('remove-optional').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('outcome').innerText()).toContain('Restored 4 cookies.');
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
  });

  it('keeps the focus on a switch or box the keyboard just toggled', async () => {
    const { page } = await open('basic');
    const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    // A worker that takes a moment to answer, as a real one does: the controls are busy meanwhile.
    await page.evaluate(() => {
      (window as unknown as { fixture: { client: { latencyMs: number } } }).fixture.client.latencyMs = 150;
    });
    await page.getByTestId('include-unknown').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('remove-optional').innerText()).toBe('Remove 5 optional cookies');
    expect(await focusedTestId()).toBe('include-unknown');
    await page.getByRole('switch').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');
  });

  it('removes a single cookie from its details', async () => {
    const { page } = await open('basic');
    const row = page.getByRole('listitem').filter({ hasText: 'lang' });
    await row.locator('.row-toggle').click();
    await row.getByRole('button', { name: 'Remove this cookie' }).click();
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('6 cookies in this tab');
    expect(await page.getByTestId('outcome').innerText()).toContain('Removed 1 cookie: 1 functional.');
  });

  it('gives the focus to Undo when a removal takes the focused control away', async () => {
    const { page } = await open('basic');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el === document.body ? 'BODY' : (el?.getAttribute('data-testid') ?? el?.textContent ?? '');
      });
    const row = page.getByRole('listitem').filter({ hasText: 'lang' });
    await row.locator('.row-toggle').click();
    await row.getByRole('button', { name: 'Remove this cookie' }).focus();
    await page.keyboard.press('Enter');
    // The row goes with the push that follows the reply: the focus must still end up on Undo.
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('6 cookies in this tab');
    await expect.poll(focused).toBe('Undo');
    await page.waitForTimeout(200);
    expect(await focused()).toBe('Undo');
    // Undo gives way to the restored outcome: the focus goes to its Dismiss button.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await expect.poll(focused).toBe('Dismiss');
    await page.waitForTimeout(200);
    expect(await focused()).toBe('Dismiss');
    // Dismissing takes the banner away: the focus goes on to the next thing to do.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('outcome').count()).toBe(0);
    expect(await focused()).toBe('remove-optional');
  });

  it('leaves the focus alone when the user clicked away from the control', async () => {
    const { page } = await open('basic');
    await page.getByTestId('total').waitFor();
    await page.getByTestId('remove-optional').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    // Clicking empty space puts the focus on the page on purpose; a live push must not take it back.
    await page.mouse.click(390, 590);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.evaluate(() => {
      const { client, record, tabId } = fixture;
      client.upsert(tabId, [record('late_arrival', 'marketing')]);
    });
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('4 cookies in this tab');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  it('keeps the site clean and lists its exceptions, which can be taken back', async () => {
    const { page } = await open('basic');
    const toggle = page.getByRole('switch', { name: 'Keep this site clean' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    const row = page.getByRole('listitem').filter({ hasText: '_ga' }).first();
    await row.locator('.row-toggle').click();
    await row.getByRole('button', { name: 'Exempt all Google Analytics cookies' }).click();
    await row.getByRole('button', { name: 'Exempt from automatic cleaning' }).click();
    const list = page.getByRole('list', { name: 'Exceptions: never removed automatically' });
    await expect.poll(() => list.innerText()).toContain('_ga on .shop.test');
    expect(await list.innerText()).toContain('All cookies of Google Analytics');
    expect(await page.evaluate(() => fixture.client.settings.sites['shop.test'])).toEqual({
      keepClean: true,
      allowedVendors: ['Google Analytics'],
      allowedCookies: [{ name: '_ga', domain: '.shop.test' }],
    });
    await page.getByRole('button', { name: 'Remove the exception for Google Analytics' }).click();
    await expect.poll(() => list.innerText()).not.toContain('Google Analytics');
  });

  it('searches by name or vendor', async () => {
    const { page } = await open('basic');
    await page.getByTestId('search').fill('google');
    await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).toEqual(['_ga', '_gid']);
    await page.getByTestId('search').fill('nothing-like-this');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No cookie matches' }).count()).toBe(1);
  });

  it('works from the keyboard with a visible focus ring', async () => {
    const { page } = await open('basic');
    await page.getByTestId('search').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.querySelector('.row-name')?.textContent ?? '');
    expect(await focused()).toBe('IDE');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).toBe('solid');
    // Arrow keys go from row to row, across groups.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('_ga');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('_gid');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('_ga');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await page.keyboard.press('End');
    expect(await focused()).toBe('session_id');
  });

  it('keeps the rows in view rendered when a group above them collapses', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    await page.evaluate(() => {
      const heading = document.getElementById('group-marketing')!;
      window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 10);
    });
    await page.locator('#group-marketing').click();
    expect(await page.locator('#group-marketing').getAttribute('aria-expanded')).toBe('false');
    // The analytics rows move up into the screen without a scroll: they must be there, not blank space.
    const rowsOnScreen = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[data-row-toggle]')].filter((el) => {
            const box = el.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
          }).length,
      );
    await expect.poll(rowsOnScreen).toBeGreaterThanOrEqual(6);
  });

  it('keeps the focused row clear of the sticky group heading', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    await page.evaluate(() => window.scrollTo(0, 2000));
    const midRow = () =>
      page.evaluate(() => {
        const row = [...document.querySelectorAll<HTMLElement>('[data-row-toggle]')].find(
          (el) => el.getBoundingClientRect().top > 300 && el.getBoundingClientRect().bottom < window.innerHeight,
        );
        row?.focus();
        return row !== undefined;
      });
    await expect.poll(midRow).toBe(true);
    // Up past the top edge: each row scrolls into view as it gets focus.
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    const place = await page.evaluate(() => {
      const row = document.activeElement as HTMLElement;
      const style = getComputedStyle(row);
      const heading = row.closest('.group')!.querySelector('.group-heading')!.getBoundingClientRect();
      return {
        ring:
          row.getBoundingClientRect().top -
          Number.parseFloat(style.outlineOffset) -
          Number.parseFloat(style.outlineWidth),
        heading: heading.bottom,
        scrolled: window.scrollY < 2000,
      };
    });
    expect(place.scrolled).toBe(true);
    expect(place.ring).toBeGreaterThanOrEqual(place.heading);
  });

  it('shows cookie text as text, never as HTML', async () => {
    const { page, errors } = await open('xss');
    const row = page.getByRole('listitem').filter({ hasText: '<b>bold</b>' });
    await row.locator('.row-toggle').click();
    await row.getByRole('button', { name: 'Show value' }).click();
    expect(await row.getByTestId('cookie-value').innerText()).toBe('<img src=x onerror=alert(1)>');
    expect(await row.locator('.row-reason').innerText()).toContain('<i>not</i> html');
    expect(await page.locator('#app img, #app b, #app i').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('renders only the visible rows of a long list, and reaches the last one by scrolling', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    expect(await page.getByTestId('total').innerText()).toBe('1,000 cookies in this tab');
    const rendered = await page.locator('.row-toggle').count();
    expect(rendered).toBeLessThan(150);
    expect(await page.locator('.rows > li').first().getAttribute('aria-setsize')).toBe('200');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).toContain('cookie_0995');
    await page.getByTestId('search').fill('cookie_0777');
    await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).toEqual(['cookie_0777']);
  });

  it('takes Home and End to the true ends of a long list, not to the ends of what is rendered', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    const first = await page.locator('.row-toggle').first().locator('.row-name').innerText();
    await page.locator('.row-toggle').first().focus();
    const focused = () => page.evaluate(() => document.activeElement?.querySelector('.row-name')?.textContent ?? '');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => scrollY + innerHeight >= document.body.scrollHeight - 2)).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement === [...document.querySelectorAll('.row-toggle')].at(-1)))
      .toBe(true);
    const last = await focused();
    expect(last).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).not.toBe(last);
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe(first);
    expect(await page.evaluate(() => scrollY)).toBeLessThan(400);
  });

  it.each([
    ['empty', 'state-no-cookies', 'shop.test has no cookies in this tab.'],
    ['unsupported', 'state-unsupported', 'Cookie Inspector cannot look at this page.'],
    ['loading', 'state-tab-loading', 'This tab is still loading.'],
    ['down', 'state-restarting', 'background service is restarting'],
    ['no-tab', 'state-no-tab', 'There is no tab to look at'],
  ])('says in plain words what the %s state is', async (scenario, testId, words) => {
    const { page } = await open(scenario);
    await expect.poll(() => page.getByTestId(testId).innerText()).toContain(words);
    // A live region marked busy is held back by screen readers: it would never be announced.
    expect(await page.getByTestId(testId).getAttribute('aria-busy')).toBeNull();
  });

  it('says the worker is restarting once the list is shown, and refreshes when it is back', async () => {
    const { page } = await open('basic');
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    expect(await page.getByTestId('banner-restarting').count()).toBe(0);
    await page.evaluate(() => fixture.client.dropPorts(fixture.tabId));
    await expect.poll(() => page.getByTestId('banner-restarting').count()).toBe(1);
    await page.evaluate(() => {
      const { client, record, tabId } = fixture;
      // Set while no port was open: only the refresh brings it.
      client.view(tabId)!.cookies.push(record('set_while_away', 'marketing'));
      client.reopenPorts(tabId);
    });
    await expect.poll(() => page.getByTestId('banner-restarting').count()).toBe(0);
    expect(await page.getByTestId('total').innerText()).toBe('8 cookies in this tab');
  });

  it('never shows the previous tab’s cookies for the next tab', async () => {
    const { page } = await open('basic');
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    const shown = await page.evaluate(() => {
      const { client, record, tabView, showTab } = fixture;
      client.setView(tabView([record('other_tab', 'essential')], { tabId: 8, site: 'other.test' }));
      showTab(8);
      // Right after the switch, before the new tab's snapshot: loading, not shop.test's cookies.
      return {
        site: document.querySelector('[data-testid="site"]')?.textContent ?? null,
        loading: document.querySelector('[data-testid="state-loading"]') !== null,
      };
    });
    expect(shown).toEqual({ site: null, loading: true });
    await expect.poll(() => page.getByTestId('site').innerText()).toBe('other.test');
    expect(await page.getByTestId('total').innerText()).toBe('1 cookie in this tab');
  });

  it('keeps the focused row when it is scrolled far out of view', async () => {
    const { page } = await open('many');
    await page.getByTestId('total').waitFor();
    await page.locator('.row-toggle').first().focus();
    const name = await page.evaluate(() => document.activeElement?.querySelector('.row-name')?.textContent);
    await page.evaluate(() => window.scrollTo(0, 6000));
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.row-toggle').length)).toBeGreaterThan(3);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.activeElement?.querySelector('.row-name')?.textContent)).toBe(name);
    // The arrow keys go on from the focused row, not from the rows now in view.
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(() => document.activeElement?.querySelector('.row-name')?.textContent);
    expect(next).not.toBe(name);
    expect(await page.evaluate(() => scrollY)).toBeLessThan(1000);
  });

  it('recovers by itself once the worker is back', async () => {
    const { page } = await open('down');
    await page.getByTestId('state-restarting').waitFor();
    await page.evaluate(() => {
      fixture.client.down = false;
    });
    await expect.poll(() => page.getByTestId('total').innerText(), { timeout: 10_000 }).toBe('7 cookies in this tab');
  });

  it('says when a deletion failed', async () => {
    const { page } = await open('basic');
    await page.getByTestId('total').waitFor();
    await page.evaluate(() => fixture.client.failNext('deleteOptional', 'the browser refused'));
    await page.getByTestId('remove-optional').click();
    await expect
      .poll(() => page.getByTestId('outcome-error').innerText())
      .toContain('That did not work: the browser refused');
    expect(await page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
  });

  it('names the cookies a removal could not take', async () => {
    const { page } = await open('basic');
    await page.getByTestId('total').waitFor();
    await page.evaluate(() => fixture.client.undeletable.add('_gid'));
    await page.getByTestId('remove-optional').click();
    await expect
      .poll(() => page.getByTestId('outcome-failed').innerText())
      .toBe('1 cookie could not be removed: the browser kept _gid');
    expect(await page.getByTestId('outcome').innerText()).toContain(
      'Removed 3 cookies: 1 functional, 1 analytics, 1 marketing.',
    );
    expect(await page.getByTestId('cookie-name').allInnerTexts()).toContain('_gid');
  });
});
