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

// Node's own messages repeat the path and lead with the code; people need only the cause.
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Why a file could not be read, in one line. */
export function fileErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_ERRORS[code]) return FILE_ERRORS[code];
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
