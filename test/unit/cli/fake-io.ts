import type { CliIO } from '../../../src/cli/io';

export function fakeIO(input = '', isTTY = false): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readInput: async (path) => {
      if (path !== '-') throw new Error(`ENOENT: no such file, open '${path}'`);
      return input;
    },
    isTTY,
    out: () => out,
    err: () => err,
  };
}
