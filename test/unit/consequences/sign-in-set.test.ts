import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgedFromKeys, parseJudgement } from '../../../src/cli/judgement';
import { evaluateBreakage, evaluateSignIns, parseSignInRows } from '../../../src/core/consequence-eval';
import { createDefaultLabeller } from '../../../src/shared/labeller';

/**
 * The development set of sign-in, security and control cookies (test/sign-in-set/, each row citing
 * its source) through the shipped catalog and the one deletion rule: no sign-in or security cookie
 * goes in one click, on its site or embedded, and every advertising or analytics control does.
 */

const DIR = resolve(import.meta.dirname, '../../sign-in-set');
const rows = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => parseSignInRows(f, JSON.parse(readFileSync(join(DIR, f), 'utf8'))));
const labeller = createDefaultLabeller();

describe('the sign-in development set', () => {
  const report = evaluateSignIns(rows, labeller);

  it('covers the platforms the issue lists, with sources', () => {
    expect(report.platforms).toBeGreaterThanOrEqual(50);
    expect(report.protectedCases).toBeGreaterThan(400);
    expect(report.controlCases).toBeGreaterThan(30);
    for (const row of rows) expect(row.source, `${row.platform} ${row.name}`).toMatch(/^https?:\/\//);
  });

  it('one click deletes no sign-in or security cookie, on its own site or embedded', () => {
    expect(
      report.protectedDeleted.map(
        (c) => `${c.row.platform} ${c.row.name} (${c.where}): ${c.label.category}, ${c.label.ifDeleted}`,
      ),
    ).toEqual([]);
  });

  it('one click still deletes every advertising and analytics control', () => {
    expect(
      report.controlsKept.map(
        (c) => `${c.row.platform} ${c.row.name} (${c.where}): ${c.label.category}, ${c.label.ifDeleted}`,
      ),
    ).toEqual([]);
  });

  it('a sign-in cookie that also tracks is shown as a tracker on another site, and still kept', () => {
    const facebook = labeller.label(
      { name: 'c_user', domain: '.facebook.com', sameSite: 'no_restriction' },
      { topLevelUrl: 'https://news.example/' },
    );
    expect(facebook).toMatchObject({ category: 'marketing', ifDeleted: 'signs-out', party: 'third' });
    expect(facebook.alsoTracks).toContain('also recognises you on this site');
    const home = labeller.label(
      { name: 'c_user', domain: '.facebook.com' },
      { topLevelUrl: 'https://www.facebook.com/' },
    );
    expect(home).toMatchObject({ category: 'essential', ifDeleted: 'signs-out', party: 'first' });
    expect(home.alsoTracks).toBeUndefined();
    // An embedded YouTube player's and LinkedIn button's ids are trackers on the page that embeds them.
    for (const [name, domain] of [
      ['YSC', '.youtube.com'],
      ['bscookie', '.www.linkedin.com'],
      ['lidc', '.linkedin.com'],
    ]) {
      const embedded = labeller.label(
        { name, domain, sameSite: 'no_restriction' },
        { topLevelUrl: 'https://news.example/' },
      );
      expect(embedded.category, name).toBe('marketing');
    }
  });
});

describe('our judgement of the CookieBlock sample’s essential and functional cookies', () => {
  const path = resolve(import.meta.dirname, '../../cookieblock-judgement.json');
  const judgement = parseJudgement(path, readFileSync(path, 'utf8'));

  it('judges every key once, with a known consequence', () => {
    expect(judgement.size).toBeGreaterThan(400);
  });

  it('one click deletes none of those whose deletion would break something (labelled from the key alone)', () => {
    const report = evaluateBreakage(judgedFromKeys(judgement), (j) =>
      labeller.label(j.cookie, { topLevelUrl: j.site }),
    );
    expect(report.breaking).toBeGreaterThan(150);
    expect(report.deletedByDefault).toEqual([]);
  });
});
