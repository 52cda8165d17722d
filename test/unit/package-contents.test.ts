import { describe, expect, it } from 'vitest';
import { EXPLAINED_WARNINGS, unexplainedWarnings } from '../../scripts/lib/firefox-lint-explanations';
import { packageProblems } from '../../scripts/lib/package-contents';
import { unzipFiles, zipFiles } from '../../scripts/lib/zip';

const text = (s: string) => new TextEncoder().encode(s);

function clean(): Map<string, Uint8Array> {
  return new Map([
    ['manifest.json', text('{"manifest_version":3}')],
    ['assets/index.js', text('console.log(1);')],
    ['public/icons/icon-16.png', new Uint8Array([137, 80, 78, 71, 1])],
    ['src/popup/index.html', text('<!doctype html><script src="/assets/index.js"></script>')],
  ]);
}

describe('packageProblems', () => {
  it('accepts a clean build', () => {
    expect(packageProblems(clean())).toEqual([]);
  });

  it.each([
    ['assets/index.js.map', text('{}'), 'source map'],
    ['assets/other.js', text('x;\n//# sourceMappingURL=other.js.map'), 'sourceMappingURL'],
    ['assets/label.test.js', text('test();'), 'test file'],
    ['test/fakes/fake.js', text('fake();'), 'test file'],
    ['src/background/index.ts', text('export {};'), 'TypeScript'],
    ['.vite/manifest.json', text('{"a":1}'), 'hidden file'],
    [
      'icons/icon-16.png',
      new Uint8Array([137, 80, 78, 71, 1]),
      'public/icons/icon-16.png is a copy of icons/icon-16.png',
    ],
  ])('refuses %s', (path, bytes, problem) => {
    const files = clean();
    files.set(path, bytes);
    expect(packageProblems(files)).toEqual([expect.stringContaining(problem)]);
  });

  it('refuses a package without a manifest at its top', () => {
    const files = clean();
    files.delete('manifest.json');
    expect(packageProblems(files)).toEqual([expect.stringContaining('manifest.json')]);
  });
});

describe('zipFiles', () => {
  it('gives back every file as it was', () => {
    const files = clean();
    expect(unzipFiles(zipFiles(files))).toEqual(files);
  });

  it('makes the same bytes whatever order the files come in', () => {
    const files = clean();
    const reversed = new Map([...files].reverse());
    expect(Buffer.from(zipFiles(reversed)).equals(Buffer.from(zipFiles(files)))).toBe(true);
  });

  it('lists the entries sorted and dates them all 1980-01-01 00:00', () => {
    const zip = Buffer.from(zipFiles(clean()));
    const names: string[] = [];
    const dates = new Set<string>();
    // Walk the local file headers: signature, then the DOS time and date at offsets 10 and 12.
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      dates.add(`${zip.readUInt16LE(at + 12)}:${zip.readUInt16LE(at + 10)}`);
      const nameLength = zip.readUInt16LE(at + 26);
      const extraLength = zip.readUInt16LE(at + 28);
      names.push(zip.toString('utf8', at + 30, at + 30 + nameLength));
      at += 30 + nameLength + extraLength + zip.readUInt32LE(at + 18);
    }
    expect(names).toEqual([...clean().keys()].sort());
    // 1980-01-01 is DOS date (0 << 9) | (1 << 5) | 1 = 33, at time 0.
    expect([...dates]).toEqual(['33:0']);
  });

  it('refuses a path that would escape the package', () => {
    expect(() => zipFiles(new Map([['../evil.js', text('x')]]))).toThrow(/cannot be a path/);
  });
});

describe('the web-ext lint warnings we accept', () => {
  const warning = (code: string, file: string) => ({ code, file, message: code });

  it('pass once each, where explained', () => {
    const accepted = [
      warning('KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'manifest.json'),
      warning('KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', 'manifest.json'),
      warning('UNSAFE_VAR_ASSIGNMENT', 'assets/popup-x1.js'),
      warning('UNSAFE_VAR_ASSIGNMENT', 'assets/panel-x2.js'),
    ];
    expect(EXPLAINED_WARNINGS).toHaveLength(accepted.length);
    expect(unexplainedWarnings(accepted)).toEqual([]);
  });

  it('fail when new, repeated or about another file', () => {
    const unsafe = warning('UNSAFE_VAR_ASSIGNMENT', 'assets/popup-a.js');
    const again = warning('UNSAFE_VAR_ASSIGNMENT', 'assets/popup-a.js');
    const otherChunk = warning('UNSAFE_VAR_ASSIGNMENT', 'assets/theme-b.js');
    const elsewhere = warning('KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'assets/a.js');
    const unknown = warning('DANGEROUS_EVAL', 'assets/a.js');
    expect(unexplainedWarnings([unsafe, again, otherChunk, elsewhere, unknown])).toEqual([
      again,
      otherChunk,
      elsewhere,
      unknown,
    ]);
  });
});
