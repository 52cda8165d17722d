import { describe, expect, it } from 'vitest';
import { record, tabView } from '../../test/support/records';
import type { StateScan } from '../node/scan';
import type { CookieRecord } from '../shared/protocol';
import { auditConsent, bannerText } from './consent-audit';

const ANSWERED = { status: 'answered', cmp: 'cookieyes' } as const;

function state(s: StateScan['state'], cookies: CookieRecord[], banner?: StateScan['banner']): StateScan {
  return {
    state: s,
    finalUrl: 'https://shop.test/',
    status: 200,
    view: tabView(cookies),
    ...(banner ? { banner } : {}),
  };
}

const consent = (value: string) => record('cookieyes-consent', 'essential', { value });
const REFUSED_ALL =
  'consentid:a,consent:no,action:yes,necessary:yes,functional:no,analytics:no,performance:no,advertisement:no';
const REFUSED_ADS_ONLY =
  'consentid:a,consent:yes,action:yes,necessary:yes,functional:yes,analytics:yes,performance:yes,advertisement:no';

const names = (audit: ReturnType<typeof auditConsent>[number]) =>
  audit.violations.map((v) => `${v.kind} ${v.record.cookie.name}`);

describe('auditConsent', () => {
  it('flags analytics and marketing cookies set before an answer, not functional, essential or unknown ones', () => {
    const [none] = auditConsent([
      state('none', [
        record('sid', 'essential'),
        record('chat', 'functional'),
        record('_ga', 'analytics'),
        record('_fbp', 'marketing'),
        record('mystery', 'unknown'),
      ]),
    ]);
    expect(none.verdict).toBe('violations');
    expect(names(none)).toEqual(['before-consent _ga', 'before-consent _fbp']);
  });

  it('after a refusal, flags the categories the site recorded as refused, read from its consent cookie', () => {
    const [all] = auditConsent([state('reject', [consent(REFUSED_ALL), record('chat', 'functional')], ANSWERED)]);
    expect(all.refused).toEqual({ categories: ['functional', 'analytics', 'marketing'], from: 'consent record' });
    expect(names(all)).toEqual(['after-refusal chat']);

    // Where the record says only ads were refused, analytics present afterwards is no violation.
    const [ads] = auditConsent([
      state('reject', [consent(REFUSED_ADS_ONLY), record('_ga', 'analytics'), record('_fbp', 'marketing')], ANSWERED),
    ]);
    expect(ads.refused?.categories).toEqual(['marketing']);
    expect(names(ads)).toEqual(['after-refusal _fbp']);
  });

  it('without a readable record, takes the refusal as autoconsent made it: analytics and marketing', () => {
    const [reject] = auditConsent([
      state('reject', [record('chat', 'functional'), record('_ga', 'analytics')], ANSWERED),
    ]);
    expect(reject.refused).toEqual({ categories: ['analytics', 'marketing'], from: 'opt-out' });
    expect(names(reject)).toEqual(['after-refusal _ga']);
  });

  it('does not judge a state whose banner was not found or not answered, and says so', () => {
    const [notFound, notAnswered, accepted] = auditConsent([
      state('reject', [record('_ga', 'analytics')], { status: 'not-found', detail: 'none' }),
      state('accept', [], { status: 'not-answered', cmp: 'onetrust', detail: 'clicks failed' }),
      state('accept', [record('_ga', 'analytics')], ANSWERED),
    ]);
    expect([notFound.verdict, notAnswered.verdict, accepted.verdict]).toEqual([
      'banner-not-found',
      'banner-not-answered',
      'pass',
    ]);
    expect(notFound.violations).toEqual([]);
    expect([bannerText(notFound), bannerText(notAnswered), bannerText(accepted)]).toEqual([
      'banner not found',
      'not answered (onetrust)',
      'answered (cookieyes)',
    ]);
  });

  it('ignores consent records of other sites', () => {
    const other = record('cookieyes-consent', 'essential', { value: REFUSED_ALL, domain: 'widget.test' });
    const [reject] = auditConsent([state('reject', [other, record('chat', 'functional')], ANSWERED)]);
    expect(reject.refused?.from).toBe('opt-out');
    expect(reject.violations).toEqual([]);
  });
});
