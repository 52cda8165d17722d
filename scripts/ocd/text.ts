/**
 * Hidden and look-alike characters. The database was edited by hand and pasted from web pages, so
 * a name can carry a soft hyphen (`logglytrackings\u00ADession`), a domain a zero-width space, a
 * field a trailing tab. A browser never sends those in a cookie name, so left in place they make
 * an entry that matches nothing.
 */

export type TextFix = 'invisible-removed' | 'whitespace-trimmed' | 'lookalike-folded';

export interface CleanText {
  text: string;
  fixes: TextFix[];
}

// Soft hyphen, zero-width space/joiners, direction marks, word joiner, BOM, Mongolian vowel separator.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * Cyrillic and Greek letters drawn like Latin ones. They are folded only in text that also holds
 * Latin letters: a mixed-script cookie name is a copy-and-paste accident, a wholly Cyrillic one
 * would be deliberate.
 */
const LOOKALIKE_FROM = 'АВЕКМНОРСТХЅІЈаеорсухѕіјԁһԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧον';
const LOOKALIKE_TO = 'ABEKMHOPCTXSIJaeopcyxsijdhqwABEZHIKMNOPTYXov';
const LOOKALIKE_CHARS = new RegExp(`[${LOOKALIKE_FROM}]`, 'g');
const LATIN = /[A-Za-z]/;

/** Removes invisible characters, folds look-alikes in mixed-script text, trims surrounding whitespace. */
export function cleanText(raw: string): CleanText {
  const fixes: TextFix[] = [];
  let text = raw.replace(INVISIBLE, '');
  if (text !== raw) fixes.push('invisible-removed');
  if (LATIN.test(text)) {
    const folded = text.replace(LOOKALIKE_CHARS, (ch) => LOOKALIKE_TO[LOOKALIKE_FROM.indexOf(ch)]);
    if (folded !== text) fixes.push('lookalike-folded');
    text = folded;
  }
  const trimmed = text.trim();
  if (trimmed !== text) fixes.push('whitespace-trimmed');
  return { text: trimmed, fixes };
}
