import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSurprising } from '../../src/core/deletion-policy';
import { findChromium } from '../../src/node/chromium';
import { PANEL_FIRST_SCREEN_ROWS } from '../../src/shared/first-screen';
import type { CookieRecord } from '../../src/shared/protocol';
import { generateRecords, makeRecord } from './devtools-fixture/records';
import { buildFixturePage, type StaticServer, serveFolder } from './harness/fixture-page';

/**
 * The panel's components in real Chromium against an in-memory worker (test/fakes/fake-client.ts):
 * scale, sorting, filters, keyboard, live marks and rendering. Runs without the extension.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const COUNT = 5000;
const records = generateRecords(COUNT);

interface FixtureWindow {
  panelFixture: {
    client: {
      requests: Array<{ kind: string; payload: unknown }>;
      dropPorts(tabId: number): void;
      reopenPorts(tabId: number): void;
    };
    copied: string[];
    releaseRest(): void;
    upsert(records: CookieRecord[]): void;
    remove(keys: string[]): void;
    copyText(text: string): Promise<void>;
  };
}

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  const dir = join(tmpdir(), `cookie-inspector-panel-fixture-${process.pid}`);
  await buildFixturePage(join(import.meta.dirname, 'devtools-fixture'), dir);
  server = await serveFolder(dir);
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = `cookies=${COUNT}`): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await p.goto(server.url(`/?${query}`));
  await p.getByRole('row').nth(1).waitFor();
  // A long list comes in two parts (the first screen, then the rest): tests start with all of it.
  if (!query.includes('hold=rest'))
    await p.waitForFunction(() => performance.getEntriesByName('panel:complete').length > 0);
  (p as Page & { errors: string[] }).errors = errors;
  return p;
}

function errorsOf(p: Page): string[] {
  return (p as Page & { errors: string[] }).errors;
}

async function columnTexts(p: Page, column: string, n = 15): Promise<string[]> {
  return p.locator(`.body-row [data-column="${column}"]`).evaluateAll((cells, limit) => {
    // Rows are absolutely placed; read them in screen order.
    const rows = cells.map((c) => ({ top: (c.parentElement as HTMLElement).offsetTop, text: c.textContent ?? '' }));
    return rows
      .sort((a, b) => a.top - b.top)
      .slice(0, limit)
      .map((r) => r.text);
  }, n);
}

async function shownCount(p: Page): Promise<number> {
  const text = await p.getByTestId('count').textContent();
  return Number(/^([\d\s,.]+) of/.exec(text ?? '')?.[1].replace(/\D/g, ''));
}

describe('the panel with 5,000 cookies (fake worker)', () => {
  beforeEach(async () => {
    page = await open();
  });

  it('is an ARIA grid that renders only the rows near the viewport', async () => {
    const grid = page.getByRole('grid', { name: 'Cookies of the inspected tab' });
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(await page.getByRole('columnheader').count()).toBeGreaterThanOrEqual(15);
    const rendered = await page.locator('.body-row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(120);
    await page.locator('.grid-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => page.locator(`[role=row][aria-rowindex="${COUNT + 1}"]`).count()).toBe(1);
    expect(await page.locator('.body-row').count()).toBeLessThan(120);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('shows the first screen first, counted in full, then the rest without marking it new', async () => {
    await page.close();
    page = await open(`cookies=${COUNT}&hold=rest`);
    await page.waitForFunction(() => performance.getEntriesByName('panel:painted').length > 0);
    // The first screen: the first rows by name, the worker's count of all, exports not yet possible.
    const first = await columnTexts(page, 'name', 80);
    expect(first.length).toBeGreaterThan(10);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(PANEL_FIRST_SCREEN_ROWS + 1));
    expect(await shownCount(page)).toBe(COUNT);
    expect(await page.getByTestId('count').textContent()).toBe(
      `${COUNT.toLocaleString('en')} of ${COUNT.toLocaleString('en')} cookies shown`,
    );
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('panel:complete').length)).toBe(0);

    await page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.releaseRest());
    await page.waitForFunction(() => performance.getEntriesByName('panel:complete').length > 0);
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    // The first screen was the true first screen: the rest went below it.
    expect(await columnTexts(page, 'name', first.length)).toEqual(first);
    expect(await page.locator('.body-row[data-change]').count()).toBe(0);
    expect(await page.getByTestId('live-changes').textContent()).toBe('');
    expect(await shownCount(page)).toBe(COUNT);
    expect(await page.getByTestId('export-json').isDisabled()).toBe(false);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('sorts by a column, both ways, and says so with aria-sort', async () => {
    const header = page.getByRole('columnheader', { name: 'Size' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = (await columnTexts(page, 'size')).map(Number);
    const smallest = Math.min(...records.map((r) => new TextEncoder().encode(r.cookie.name + r.cookie.value).length));
    expect(ascending[0]).toBe(smallest);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const descending = (await columnTexts(page, 'size')).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(ascending[0]);

    await page.getByRole('columnheader', { name: 'Domain' }).getByRole('button').click();
    const domains = await columnTexts(page, 'domain', 5);
    const firstDomain = [...new Set(records.map((r) => r.cookie.domain))].sort((a, b) =>
      a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }),
    )[0];
    expect(domains[0]).toBe(firstDomain);
    await page.close();
  });

  it('filters by category, party, vendor, flags and free text', async () => {
    await page.getByTestId('filter-category-analytics').click();
    const analytics = records.filter((r) => r.label.category === 'analytics');
    await expect.poll(() => shownCount(page)).toBe(analytics.length);
    expect(new Set(await columnTexts(page, 'category', 30))).toEqual(new Set(['Analytics']));

    await page.getByTestId('filter-party').selectOption('third');
    const thirdAnalytics = analytics.filter((r) => r.label.party === 'third');
    await expect.poll(() => shownCount(page)).toBe(thirdAnalytics.length);

    await page.getByTestId('filter-vendor').selectOption('Hotjar');
    await page.getByTestId('filter-flag-httpOnly').click();
    const narrowed = thirdAnalytics.filter((r) => r.label.vendor === 'Hotjar' && r.cookie.httpOnly);
    await expect.poll(() => shownCount(page)).toBe(narrowed.length);
    expect(new Set(await columnTexts(page, 'httpOnly', 30))).toEqual(new Set(['✓']));

    await page.getByTestId('clear-filters').click();
    await expect.poll(() => shownCount(page)).toBe(COUNT);

    const target = records[1234];
    await page.getByTestId('search').fill(target.cookie.value.toUpperCase());
    const matching = records.filter((r) =>
      [r.cookie.name, r.cookie.value, r.cookie.domain, r.cookie.path, r.label.vendor ?? '', r.label.purpose ?? '']
        .join('\n')
        .toLowerCase()
        .includes(target.cookie.value.toLowerCase()),
    );
    await expect.poll(() => shownCount(page)).toBe(matching.length);
    expect(await columnTexts(page, 'name', 50)).toContain(target.cookie.name);
    await page.close();
  });

  it('is usable with the keyboard: move, extend, select all, remove', async () => {
    await page.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    const first = page.locator('[role=row][aria-rowindex="2"]');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('.body-row[aria-selected="true"]').count()).toBe(3);
    const names = await columnTexts(page, 'name', 3);
    await expect.poll(() => page.getByTestId('detail-name').textContent()).toBe(names[2]);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-value');
    await page.getByRole('grid').focus();
    await page.keyboard.press('Delete');
    // A hand-picked cookie whose loss would sign the person out is confirmed first, consequence named.
    const chosen = records.filter((r) => names.includes(r.cookie.name));
    if (chosen.some((r) => isSurprising(r.label))) {
      await expect.poll(() => page.getByTestId('confirm-removal').count()).toBe(1);
      expect(await shownCount(page)).toBe(COUNT);
      await page.getByTestId('confirm-remove').click();
      await page.getByRole('grid').focus();
    } else {
      expect(await page.getByTestId('confirm-removal').count()).toBe(0);
    }
    await expect.poll(() => shownCount(page)).toBe(COUNT - 3);
    const requests = await page.evaluate(() =>
      (globalThis as unknown as FixtureWindow).panelFixture.client.requests.filter((r) => r.kind === 'deleteCookies'),
    );
    expect((requests[0].payload as { cookies: Array<{ name: string }> }).cookies.map((c) => c.name).sort()).toEqual(
      [...names].sort(),
    );

    // Removed rows stay on screen, marked, for a moment; wait until they are gone.
    await expect.poll(() => page.locator('.body-row.is-removed').count(), { timeout: 5000 }).toBe(0);
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator(`[role=row][aria-rowindex="${COUNT - 3 + 1}"]`).getAttribute('aria-selected'))
      .toBe('true');
    await page.keyboard.press('Control+a');
    await expect
      .poll(() => page.getByTestId('count').textContent())
      .toContain(`${(COUNT - 3).toLocaleString('en')} selected`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.body-row[aria-selected="true"]').count()).toBe(0);
    await page.close();
  });
});

describe('the panel with a few cookies (fake worker)', () => {
  it('marks new, changed and removed rows for a moment and keeps the selection', async () => {
    page = await open('cookies=30');
    const keep = page.locator('.body-row').nth(3);
    await keep.click();
    const keptKey = await keep.getAttribute('data-key');

    const fresh = makeRecord(
      { ...records[0].cookie, name: 'aaa_new_cookie', value: 'v1' },
      { ...records[0].label, category: 'marketing' },
    );
    await page.evaluate((r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]), fresh);
    const row = page.locator(`[role=row][data-key="${fresh.key.replaceAll('"', '\\"')}"]`);
    await expect.poll(() => row.getAttribute('data-change')).toBe('new');
    expect(await page.getByTestId('live-changes').textContent()).toBe('1 new cookie');
    await expect.poll(() => row.getAttribute('data-change'), { timeout: 5000 }).toBeNull();

    await page.evaluate(
      (r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]),
      makeRecord({ ...fresh.cookie, value: 'v2' }, fresh.label),
    );
    await expect.poll(() => row.getAttribute('data-change')).toBe('changed');
    expect(await row.locator('[data-column="value"]').textContent()).toBe('v2');

    await page.evaluate((key) => (globalThis as unknown as FixtureWindow).panelFixture.remove([key]), fresh.key);
    await expect.poll(() => row.getAttribute('data-change')).toBe('removed');
    await expect.poll(() => row.count(), { timeout: 5000 }).toBe(0);

    const selected = page.locator('.body-row[aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute('data-key')).toBe(keptKey);

    // A selected row that changes still looks selected; the change shows as a bar at its start.
    const selectedBackground = await selected.evaluate((el) => getComputedStyle(el).backgroundColor);
    const kept = records.find((r) => r.key === keptKey)!;
    await page.evaluate(
      (r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]),
      makeRecord({ ...kept.cookie, value: 'changed-now' }, kept.label),
    );
    await expect.poll(() => selected.getAttribute('data-change')).toBe('changed');
    expect(await selected.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(selectedBackground);
    expect(await selected.evaluate((el) => getComputedStyle(el).boxShadow)).toMatch(/inset/);
    await page.close();
  });

  it('announces what each update changed, once, and not again as the marks fade', async () => {
    page = await open('cookies=30');
    await page.getByTestId('live-changes').evaluate((region) => {
      const heard: string[] = [];
      (globalThis as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    for (const name of ['aaa_first', 'aaa_second', 'aaa_third']) {
      const fresh = makeRecord({ ...records[0].cookie, name }, records[0].label);
      await page.evaluate((r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]), fresh);
      await page.waitForTimeout(500);
    }
    await expect.poll(() => page.locator('.body-row[data-change]').count(), { timeout: 5000 }).toBe(0);
    const heard = await page.evaluate(() => (globalThis as unknown as { heard: string[] }).heard);
    expect(heard).toEqual(['1 new cookie', '1 new cookie', '1 new cookie']);
    await page.close();
  });

  it('keeps the scroll position when a live update lands above the selected row', async () => {
    page = await open('cookies=400');
    await page.locator('.body-row').nth(3).click();
    const scroller = page.locator('.grid-scroll');
    await scroller.evaluate((el) => {
      el.scrollTop = 3000;
    });
    await expect.poll(() => page.locator('[role=row][aria-rowindex="140"]').count()).toBe(1);
    const before = await shownCount(page);
    // Sorted by name, this one goes first: the selected row moves down one place.
    const top = makeRecord({ ...records[0].cookie, name: '000_first_of_all' }, records[0].label);
    await page.evaluate((r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]), top);
    await expect.poll(() => shownCount(page)).toBe(before + 1);
    await page.waitForTimeout(100);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(3000);
    // The keyboard still brings the active row into view.
    await page.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeLessThan(200);
    await page.close();
  });

  it('counts the same selected cookies everywhere, and says how many the filters hide', async () => {
    page = await open('cookies=40');
    const rows = page.locator('.body-row');
    await rows.nth(0).click();
    const firstName = await rows.nth(0).locator('[data-column="name"]').textContent();
    await rows.nth(4).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('count').textContent()).toContain('· 5 selected');
    expect(await page.getByTestId('remove-selected').textContent()).toBe('Remove selected (5)');
    await page.getByTestId('search').fill(firstName!);
    await expect.poll(() => page.getByTestId('remove-selected').textContent()).toBe('Remove selected (1)');
    expect(await page.getByTestId('count').textContent()).toContain(
      '· 1 selected (4 more selected but hidden by the filters)',
    );
    await page.close();
  });

  it('starts a Shift range at the clicked row when the anchor is filtered out', async () => {
    page = await open('cookies=40');
    const rows = page.locator('.body-row');
    await rows.nth(0).click();
    const firstName = (await rows.nth(0).locator('[data-column="name"]').textContent())!;
    // Hide the anchor: show only a category it is not in.
    const fixtureRecords = records.slice(0, 40);
    const anchorCategory = fixtureRecords.find((r) => r.cookie.name === firstName)!.label.category;
    const other = fixtureRecords.find(
      (r) =>
        r.label.category !== anchorCategory &&
        fixtureRecords.filter((o) => o.label.category === r.label.category).length >= 4,
    )!.label.category;
    await page.getByTestId(`filter-category-${other}`).click();
    await expect.poll(() => rows.first().locator('[data-column="name"]').textContent()).not.toBe(firstName);
    await rows.nth(1).click({ modifiers: ['Shift'] });
    await rows.nth(3).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.body-row[aria-selected="true"]').count()).toBe(3);
    await page.close();
  });

  it('names a cookie without a name instead of leaving it blank', async () => {
    page = await open('cookies=30');
    const nameless = makeRecord({ ...records[0].cookie, name: '', value: 'only-a-value' }, records[0].label);
    await page.evaluate((r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]), nameless);
    const row = page.locator(`[role=row][data-key="${nameless.key.replaceAll('"', '\\"')}"]`);
    await expect.poll(() => row.locator('[data-column="name"] .cell-text').textContent()).toBe('(no name)');
    await row.click();
    expect(await page.getByTestId('detail-name').textContent()).toBe('(no name)');
    expect(await page.getByTestId('detail-value').inputValue()).toBe('only-a-value');
    await page.close();
  });

  it('says which other companies list a cookie', async () => {
    page = await open('cookies=30');
    const shared = makeRecord(
      { ...records[0].cookie, name: '_ga_shared_fixture' },
      { ...records[0].label, alsoListedBy: ['Creatio', 'Deskpro'] },
    );
    await page.evaluate((r) => (globalThis as unknown as FixtureWindow).panelFixture.upsert([r]), shared);
    const row = page.locator(`[role=row][data-key="${shared.key.replaceAll('"', '\\"')}"]`);
    await row.click();
    const fact = page.getByTestId('detail').locator('dt', { hasText: 'Also listed by' });
    await expect.poll(() => fact.locator('xpath=following-sibling::dd[1]').textContent()).toBe('Creatio, Deskpro');
    await page.close();
  });

  it('keeps the focus where it was when copying falls back to a hidden text field', async () => {
    page = await open('cookies=30');
    await page.locator('.body-row').first().click();
    const focused = await page.evaluate(async () => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('not allowed')) },
      });
      const button = document.querySelector<HTMLElement>('[data-testid="copy-value"]')!;
      button.focus();
      await (globalThis as unknown as FixtureWindow).panelFixture.copyText('secret').catch(() => undefined);
      return (document.activeElement as HTMLElement | null)?.dataset.testid;
    });
    expect(focused).toBe('copy-value');
    expect(await page.locator('textarea.visually-hidden').count()).toBe(0);
    await page.close();
  });

  it('says when the worker is restarting once loaded, and refreshes when it is back', async () => {
    page = await open('cookies=30');
    expect(await page.getByTestId('restarting').count()).toBe(0);
    await page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.client.dropPorts(1));
    await expect.poll(() => page.getByTestId('restarting').count()).toBe(1);
    expect(await page.getByTestId('restarting').textContent()).toContain('Reconnecting');
    await page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.client.reopenPorts(1));
    await expect.poll(() => page.getByTestId('restarting').count()).toBe(0);
    await page.close();
  });

  it('takes a long list back after a worker restart without marking or announcing any change', async () => {
    page = await open('cookies=400');
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const marked = document.querySelectorAll('.body-row[data-change]').length;
        const said = document.querySelector('[data-testid="live-changes"]')?.textContent ?? '';
        if (marked > 0 || said !== '') seen.push(`${marked} marked, "${said}"`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.client.dropPorts(1));
    await expect.poll(() => page.getByTestId('restarting').count()).toBe(1);
    await page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.client.reopenPorts(1));
    await expect.poll(() => page.getByTestId('restarting').count()).toBe(0);
    // The first screen, then (after a paint) the rest: wait for both, and a little longer.
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen)).toEqual([]);
    expect(await shownCount(page)).toBe(400);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe('401');
    await page.close();
  });

  it('shows keyboard focus on the column headers and on a grid with no active row', async () => {
    page = await open('cookies=40');
    const frame = () => page.locator('.grid-scroll').evaluate((el) => getComputedStyle(el).outlineStyle);
    await page.getByTestId('export-markdown').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    expect(await frame()).toBe('solid');

    await page.keyboard.press('Tab');
    // The header cell clips what lies outside it: the ring must be drawn within it to be seen.
    const ring = await page.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const style = getComputedStyle(button);
      const reach = Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
      const b = button.getBoundingClientRect();
      const c = (button.parentElement as HTMLElement).getBoundingClientRect();
      return {
        button: button.className,
        style: style.outlineStyle,
        inside:
          b.top - reach >= c.top &&
          b.bottom + reach <= c.bottom &&
          b.left - reach >= c.left &&
          b.right + reach <= c.right,
      };
    });
    expect(ring).toEqual({ button: 'sort-button', style: 'solid', inside: true });

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect.poll(frame).toBe('none');
    expect(await page.locator('.body-row.is-active').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.close();
  });

  it('names the active cell for screen readers, Left and Right move between columns; the headers are one Tab stop', async () => {
    page = await open('cookies=40');
    const grid = page.getByRole('grid');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const activeCell = () =>
      page.evaluate(() => {
        const id = document.activeElement?.getAttribute('aria-activedescendant');
        const cell = id ? document.getElementById(id) : null;
        const row = cell?.closest('[role=row]');
        return cell && row
          ? {
              role: cell.getAttribute('role'),
              col: cell.getAttribute('aria-colindex'),
              row: row.getAttribute('aria-rowindex'),
              selected: row.getAttribute('aria-selected'),
            }
          : null;
      });
    await expect.poll(activeCell).toEqual({ role: 'gridcell', col: '3', row: '2', selected: 'true' });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(activeCell).toEqual({ role: 'gridcell', col: '2', row: '2', selected: 'true' });
    // Left and Right do not move the row.
    expect(await page.locator('.body-row[aria-selected="true"]').count()).toBe(1);

    const focused = () =>
      page.evaluate(() => ({
        className: document.activeElement?.className,
        column: (document.activeElement as HTMLElement).dataset.column,
      }));
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ className: 'sort-button', column: 'name' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = await focused();
    expect(third.className).toBe('sort-button');
    expect(third.column).not.toBe('name');
    // One Tab stop for all fifteen headers: Tab leaves the header row, and coming back lands on the
    // header used last.
    await page.keyboard.press('Tab');
    expect((await focused()).className).not.toBe('sort-button');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual(third);
    expect(await page.locator('.sort-button[tabindex="0"]').count()).toBe(1);
    await page.close();
  });

  it('sorts with Enter and Space on a column header while a row is active', async () => {
    page = await open('cookies=40');
    await page.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    const header = page.getByRole('columnheader', { name: 'Name' });
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Space');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    // The row stays as it was: the keys went to the header, not the grid.
    expect(await page.locator('.body-row[aria-selected="true"]').count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.column)).toBe('name');
    await page.close();
  });

  it('shows names and values as text, never as markup, and copies the full value', async () => {
    page = await open('cookies=200');
    const hostile = records.slice(0, 200).find((r) => r.cookie.value.startsWith('<img'));
    expect(hostile).toBeDefined();
    await page.getByTestId('search').fill(hostile!.cookie.name);
    const row = page.locator('.body-row').first();
    expect(await row.locator('[data-column="value"]').textContent()).toBe(hostile!.cookie.value);
    await row.click();
    expect(await page.getByTestId('detail-value').inputValue()).toBe(hostile!.cookie.value);
    await page.getByTestId('copy-value').click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as FixtureWindow).panelFixture.copied))
      .toEqual([hostile!.cookie.value]);
    expect(await page.locator('img').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('removes every cookie of a category and undoes it', async () => {
    page = await open('cookies=40');
    const marketing = records.slice(0, 40).filter((r) => r.label.category === 'marketing').length;
    expect(marketing).toBeGreaterThan(0);
    await page.getByTestId('remove-category-choice').selectOption('marketing');
    await page.getByTestId('remove-category').click();
    await expect.poll(() => shownCount(page)).toBe(40 - marketing);
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain(`Removed ${marketing}`);
    await page.getByTestId('outcome').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shownCount(page)).toBe(40);
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain(`Restored ${marketing}`);
    // Dismissing from the keyboard hands the focus to the table, not to the page.
    await page.getByTestId('outcome').getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('outcome').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await page.close();
  });

  it('downloads each export as a file', async () => {
    page = await open('cookies=25');
    for (const [format, check] of [
      ['json', (text: string) => expect(JSON.parse(text).cookies).toHaveLength(25)],
      ['csv', (text: string) => expect(text.split('\r\n')[0]).toMatch(/^name,value,domain,path,/)],
      ['netscape', (text: string) => expect(text.split('\n')[0]).toBe('# Netscape HTTP Cookie File')],
      ['markdown', (text: string) => expect(text).toMatch(/^# Cookie declaration for shop\.test\n/)],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${format}`).click(),
      ]);
      const path = await download.path();
      check(readFileSync(path, 'utf8'));
      expect(download.suggestedFilename()).toMatch(/^cookie(s|-declaration)-shop\.test-.*\.(json|csv|txt|md)$/);
    }
    await page.close();
  });

  it('follows the theme it is given, and the system otherwise; speaks Norwegian', async () => {
    for (const theme of ['light', 'dark'] as const) {
      page = await open(`cookies=40&theme=${theme === 'light' ? 'default' : 'dark'}`);
      await page.locator('.body-row').nth(4).click();
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(23, 25, 28)');
      await page.screenshot({ path: join(SCREENSHOTS, `devtools-panel-${theme}.png`) });
      await page.close();
    }
    page = await open('cookies=40&lang=nb');
    expect(await page.getByRole('grid').getAttribute('aria-label')).toBe('Informasjonskapslene i fanen som inspiseres');
    expect(await page.getByRole('columnheader', { name: 'Utløper / Max-Age' }).count()).toBe(1);
    await page.locator('.body-row').nth(2).click();
    await page.screenshot({ path: join(SCREENSHOTS, 'devtools-panel-nb.png') });
    await page.close();

    page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(server.url('/?cookies=5'));
    await page.getByRole('row').nth(1).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 25, 28)');
    await page.close();
  });
});
