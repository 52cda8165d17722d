import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { fakeIO } from './fake-io';

const SPEC = { site: 'one', json: 'flag', resolve: 'repeat', 'fail-on': 'many' } as const;

describe('parseArgs', () => {
  it('reads --key value, --key=value, flags and multi-valued options', () => {
    const { positional, options } = parseArgs(
      ['a.json', '--site', 'x.test', '--json', '--resolve=a=1', '--fail-on', 'marketing', 'analytics'],
      SPEC,
    );
    expect(positional).toEqual(['a.json']);
    expect(Object.fromEntries(options)).toEqual({
      site: ['x.test'],
      json: [],
      resolve: ['a=1'],
      'fail-on': ['marketing', 'analytics'],
    });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'refuses --%s as an unknown option instead of letting it swallow the arguments',
    (name) => {
      expect(() => parseArgs([`--${name}`, 'a.json', 'b.json'], SPEC)).toThrow(
        new UsageError(`unknown option --${name}`),
      );
    },
  );

  it('ends the options at --: what follows is an argument even when it starts with --', () => {
    const { positional, options } = parseArgs(['--json', '--', '--site', '-', '--'], SPEC);
    expect(positional).toEqual(['--site', '-', '--']);
    expect([...options.keys()]).toEqual(['json']);
  });

  it('ends a multi-valued option at --', () => {
    const { positional, options } = parseArgs(['--fail-on', 'marketing', '--', 'analytics'], SPEC);
    expect(options.get('fail-on')).toEqual(['marketing']);
    expect(positional).toEqual(['analytics']);
  });

  it.each([[['--site', 'a', '--site', 'b']], [['--site=a', '--site', 'b']], [['--site', 'a', '--site=a']]])(
    'refuses an option given twice that takes one value: %j',
    (args) => {
      expect(() => parseArgs(args, SPEC)).toThrow(/--site is given more than once/);
    },
  );

  it('collects an option that may be repeated, and a multi-valued one given twice', () => {
    const { options } = parseArgs(
      ['--resolve', 'a=1', '--resolve=b=2', '--fail-on', 'marketing', '--fail-on', 'analytics'],
      SPEC,
    );
    expect(options.get('resolve')).toEqual(['a=1', 'b=2']);
    expect(options.get('fail-on')).toEqual(['marketing', 'analytics']);
  });

  it('accepts a flag given twice: nothing is lost', () => {
    expect(parseArgs(['--json', '--json'], SPEC).options.get('json')).toEqual([]);
  });
});

describe('cookie-inspector arguments', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses "%s" as an unknown command, in one line',
    async (name) => {
      const io = fakeIO();
      expect(await main([name], io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^cookie-inspector: unknown command "${name}"`));
      expect(io.err()).not.toMatch(/^\s+at /m);
    },
  );

  it('refuses label --site given twice instead of keeping the first', async () => {
    const io = fakeIO('[]');
    expect(await main(['label', '--site', 'a.test', '--site', 'b.test'], io)).toBe(2);
    expect(io.err()).toBe('cookie-inspector label: --site is given more than once\n');
  });

  it('reads a file named like an option after --', async () => {
    const io = fakeIO();
    const read: string[] = [];
    io.readInput = async (path) => {
      read.push(path);
      return '[]';
    };
    expect(await main(['label', '--format', 'json', '--', '--site'], io)).toBe(0);
    expect(read).toEqual(['--site']);
  });

  it.each([['label'], ['catalog'], ['eval'], ['scan']])('%s refuses --constructor', async (command) => {
    const io = fakeIO('[]');
    expect(await main([command, '--constructor', 'x'], io)).toBe(2);
    expect(io.err()).toContain('unknown option --constructor');
  });
});
