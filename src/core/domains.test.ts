import { describe, expect, it } from 'vitest';
import { createDomainOwners } from './domain-owners';
import { cookieHost, isSameOrSubdomain, partyOf, registrableDomain, siteHost } from './domains';

describe('cookie hosts', () => {
  it('drops the leading dot and lower-cases', () => {
    expect(cookieHost('.WWW.Example.COM')).toBe('www.example.com');
  });

  it('writes an international domain in ASCII, as URLs do', () => {
    expect(cookieHost('bücher.de')).toBe('xn--bcher-kva.de');
    expect(cookieHost('.BÜCHER.de')).toBe('xn--bcher-kva.de');
    expect(cookieHost('xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
  });

  it('leaves text that is no host name as written rather than failing', () => {
    expect(cookieHost('bü cher.de')).toBe('bü cher.de');
    expect(cookieHost('bücher.de/path')).toBe('bücher.de/path');
    expect(cookieHost('[::1]')).toBe('[::1]');
  });

  it('keeps the trailing dot the browser addresses, and drops it for the site', () => {
    expect(cookieHost('salesforce.com.')).toBe('salesforce.com.');
    expect(siteHost('.salesforce.com.')).toBe('salesforce.com');
    expect(registrableDomain('login.salesforce.com.')).toBe('salesforce.com');
    expect(isSameOrSubdomain('.login.salesforce.com.', 'salesforce.com')).toBe(true);
  });

  it('finds the owner of a fully qualified or international domain', () => {
    const owners = createDomainOwners([['Books', 'content', 'xn--bcher-kva.de']]);
    expect(owners.ownerOf('bücher.de.')?.name).toBe('Books');
  });
});

describe('partyOf', () => {
  it('sees an international cookie domain as first party on its own site', () => {
    expect(partyOf('bücher.de', 'https://bücher.de/')).toBe('first');
    expect(partyOf('.www.bücher.de', 'https://xn--bcher-kva.de/')).toBe('first');
  });

  it('sees a fully qualified cookie domain as first party on its site', () => {
    expect(partyOf('salesforce.com.', 'https://www.salesforce.com/')).toBe('first');
    expect(partyOf('.salesforce.com', 'https://salesforce.com./')).toBe('first');
  });

  it('does not guess the party of a cookie without a domain', () => {
    expect(partyOf('', 'https://example.org/')).toBe('unknown');
    expect(partyOf('.', 'https://example.org/')).toBe('unknown');
    expect(partyOf('other.org', 'https://example.org/')).toBe('third');
  });
});
