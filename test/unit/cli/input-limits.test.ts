import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readLimited } from '../../../src/cli/io';
import { main, nodeIO } from '../../../src/cli/main';
import { fakeIO } from './fake-io';

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cli-input-')), name);
  writeFileSync(path, content);
  return path;
}

/** Runs a command on real files (or a given standard input) through the real readInput. */
async function runWith(argv: string[], options: Parameters<typeof nodeIO>[0] = {}) {
  const io = { ...fakeIO(), readInput: nodeIO(options).readInput };
  let out = '';
  let err = '';
  io.stdout = (t: string) => {
    out += t;
  };
  io.stderr = (t: string) => {
    err += t;
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** An endless stream that counts how many chunks were taken from it. */
function endless(chunkSize: number) {
  const counter = { pulled: 0 };
  async function* chunks() {
    for (;;) {
      counter.pulled += 1;
      yield new Uint8Array(chunkSize).fill(0x20);
    }
  }
  return { counter, chunks: chunks() };
}

const COOKIES = JSON.stringify([{ name: 'zz-probe', domain: 'a.example' }]);

describe('the input size limit', () => {
  it('is 16 MiB, and the usage says so', async () => {
    expect(MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
    const io = fakeIO();
    await main(['--help'], io);
    expect(io.out()).toContain('16 MiB');
  });

  it('stops reading an endless stream once it is over the limit', async () => {
    const { counter, chunks } = endless(1000);
    await expect(readLimited(chunks, 10_000)).rejects.toThrow(/larger than/);
    expect(counter.pulled).toBeLessThanOrEqual(11);
  });

  it('keeps every byte of input at the limit', async () => {
    async function* twoChunks() {
      yield new Uint8Array([1, 2, 3]);
      yield new Uint8Array([4, 5]);
    }
    expect([...(await readLimited(twoChunks(), 5))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a file over the limit with exit status 2 and a message naming the file', async () => {
    const path = tempFile('big.json', `[${' '.repeat(2000)}]`);
    const { code, out, err } = await runWith(['label', path], { maxInputBytes: 1024 });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `cookie-inspector label: cannot read ${path}: it is larger than 1 KiB, the most this tool reads\n`,
    );
  });

  it('refuses standard input over the limit, naming standard input, without reading it all', async () => {
    const { counter, chunks } = endless(256);
    const { code, err } = await runWith(['label', '-'], { maxInputBytes: 1024, stdin: chunks });
    expect(code).toBe(2);
    expect(err).toBe(
      'cookie-inspector label: cannot read standard input: it is larger than 1 KiB, the most this tool reads\n',
    );
    expect(counter.pulled).toBeLessThanOrEqual(5);
  });

  it('reads a file at the limit', async () => {
    const text = COOKIES.padEnd(1024, ' ');
    const { code, out } = await runWith(['label', tempFile('fits.json', text), '--format', 'json'], {
      maxInputBytes: 1024,
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(1);
  });
});

describe('input that is not UTF-8', () => {
  it('is refused with exit status 2 and the file named, for label and eval', async () => {
    const bytes = new Uint8Array([...Buffer.from('[{"name":"caf'), 0xe9, ...Buffer.from('","domain":"a.example"}]')]);
    const path = tempFile('latin1.json', bytes);
    for (const command of ['label', 'eval']) {
      const { code, out, err } = await runWith([command, path]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(
        `cookie-inspector ${command}: cannot read ${path}: it is not UTF-8 text; save it as UTF-8 and try again\n`,
      );
    }
  });

  it('names UTF-16, which Windows tools write, for what it is', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(COOKIES, 'utf16le')]);
    const { code, err } = await runWith(['label', tempFile('utf16.json', utf16)]);
    expect(code).toBe(2);
    expect(err).toMatch(/it is UTF-16 text, not UTF-8; save it as UTF-8 and try again\n$/);
  });

  it('is refused on standard input as well', async () => {
    async function* latin1() {
      yield new Uint8Array([0x5b, 0xe9, 0x5d]);
    }
    const { code, err } = await runWith(['label', '-'], { stdin: latin1() });
    expect(code).toBe(2);
    expect(err).toContain('cannot read standard input: it is not UTF-8 text');
  });

  it('accepts UTF-8 split anywhere across chunks, byte-order mark included', async () => {
    const bytes = Buffer.from(`\uFEFF${JSON.stringify([{ name: 'café🍪', domain: 'a.example' }])}`);
    async function* oneByteAtATime() {
      for (const byte of bytes) yield new Uint8Array([byte]);
    }
    const { code, out, err } = await runWith(['label', '-', '--format', 'json'], { stdin: oneByteAtATime() });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)[0].name).toBe('café🍪');
  });
});
