import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../node/scan';
import { main } from '../main';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
      readInput: () => Promise.reject(new Error('no input')),
      isTTY: false,
    },
  };
}

describe('cookie-inspector scan arguments', () => {
  it.each([
    [['scan'], 'give at least one URL'],
    [['scan', 'https://a.test/', '--fail-on', 'tasty'], '--fail-on needs categories'],
    [['scan', 'https://a.test/', '--json', '--markdown'], 'choose --json or --markdown'],
    [['scan', 'https://a.test/', '--wait', 'soon'], '--wait takes a whole number of milliseconds'],
    [['scan', 'https://a.test/', '--resolve', 'a.test'], '--resolve takes HOST=IP'],
  ])('%j is a usage error before any browser starts', async (argv, message) => {
    const { io: cli, out } = io();
    expect(await main(argv, cli)).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('prints its help', async () => {
    const { io: cli, out } = io();
    expect(await main(['scan', '--help'], cli)).toBe(0);
    expect(out.stdout).toContain('--fail-on CATEGORY...');
  });
});

describe('a failed page load, in words', () => {
  const options = { timeoutMs: 5000, insecure: false };

  it.each([
    ['page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://a.test/', 'tls', /add --insecure/],
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://a.test/', 'unreachable', /could not be resolved/],
    ['page.goto: net::ERR_CONNECTION_REFUSED at https://a.test/', 'unreachable', /could not be reached/],
    ['page.goto: net::ERR_ABORTED at https://a.test/', 'failed', /ERR_ABORTED/],
  ])('%s', (message, kind, text) => {
    const described = describeLoadError(new Error(message), options);
    expect(described.kind).toBe(kind);
    expect(described.error).toMatch(text);
  });

  it('names the time limit of a timeout', () => {
    const timeout = Object.assign(new Error('page.goto: Timeout 5000ms exceeded.'), { name: 'TimeoutError' });
    expect(describeLoadError(timeout, options)).toEqual({
      kind: 'timeout',
      error: 'the page did not finish loading within 5000 ms',
    });
  });
});
