import { read, singleCookieReader, unreadable } from './reading';
import { decodePercent, parseJsonObject } from './text';
import type { ConsentGroup, ConsentReading } from './types';

/** `klaro` (Klaro's default cookie name): URL-encoded JSON of service name to true or false. */
export const klaroReader = singleCookieReader('Klaro', (name) => name === 'klaro', readKlaro);

function readKlaro(value: string): ConsentReading {
  const text = decodePercent(value);
  const services = text === null ? null : parseJsonObject(text);
  if (services === null) return unreadable('The record is not URL-encoded JSON of services.');
  const groups: ConsentGroup[] = [];
  for (const [name, state] of Object.entries(services)) {
    if (typeof state !== 'boolean') return unreadable(`The service ${name} is not true or false.`);
    groups.push({ name, state: state ? 'granted' : 'denied', category: null });
  }
  const notes =
    groups.length === 0
      ? ['The record lists no services, so it holds no choice.']
      : [
          "Klaro records consent per service; the purposes each service serves are in the site's Klaro settings, not in the cookie, so no category is decided.",
        ];
  return read({ groups, notes });
}
