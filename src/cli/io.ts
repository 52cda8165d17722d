/** What a command needs from the outside world; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file, or standard input for `-`. */
  readInput: (path: string) => Promise<string>;
  isTTY: boolean;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** A user error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The most any command reads from one file or standard input. A browser's whole cookie jar is
 * under it: Chromium keeps at most 3,300 cookies, each at most 4 KiB of name and value, about
 * 5 KiB apiece as JSON with its attributes, so some 16 MiB in the worst case and a few hundred
 * KiB in practice. Parsing and labelling take some 30 bytes of memory per byte of input, so the
 * limit also keeps a mistaken file (a log, a disk image) from exhausting memory.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** `16 MiB`, `1 KiB`: how the limit is written in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Input that cannot be used as it is; the message is the cause, for "cannot read FILE: …". */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Collects a stream up to `limit` bytes and stops taking from it as soon as it is over, so an
 * endless or huge input costs no more than the limit.
 */
export async function readLimited(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    // Leaving the loop early closes the stream (its return() is called), which stops the reading.
    if (size > limit) throw new InputError(`it is larger than ${formatBytes(limit)}, the most this tool reads`);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/**
 * Decodes UTF-8 strictly: a file in another encoding would otherwise be read with replacement
 * characters in its names and labelled as if it were text. A leading byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Windows PowerShell 5 writes UTF-16 with a byte-order mark when output is redirected to a file.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new InputError(
      utf16
        ? 'it is UTF-16 text, not UTF-8; save it as UTF-8 and try again'
        : 'it is not UTF-8 text; save it as UTF-8 and try again',
    );
  }
}

// Node's own messages repeat the path and lead with the code; people need only the cause.
const FILE_ERRORS = new Map<string, string>([
  ['ENOENT', 'no such file or folder'],
  ['EISDIR', 'it is a folder'],
  ['ENOTDIR', 'a part of the path is not a folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
]);

/** Why a file could not be read, in one line. */
export function fileErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? FILE_ERRORS.get(code) : undefined;
  if (known) return known;
  return error instanceof Error ? error.message : String(error);
}

/** Reads FILE, or standard input for `-`; a file that cannot be read is the user's error (exit 2). */
export async function readUserInput(io: CliIO, path: string): Promise<string> {
  try {
    return await io.readInput(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${fileErrorText(error)}`);
  }
}
