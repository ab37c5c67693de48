import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The data dir holds signing keys, the server secret and user data: only its owner may read it.
 * These are the modes the server creates, and restores on existing files at start.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes `dataDir` 0700 and each of `fileNames` in it that exists 0600, where their modes let
 * others in. A dir created by an older version (or by hand under umask 022) was 0755 with 0644
 * files, so a start repairs it rather than refusing.
 * @throws Error naming the path when the mode cannot be changed (the server is not its owner).
 */
export function keepPrivate(dataDir: string, fileNames: readonly string[]): void {
  restrictMode(dataDir, PRIVATE_DIR_MODE);
  for (const name of fileNames) restrictMode(path.join(dataDir, name), PRIVATE_FILE_MODE);
}

function restrictMode(target: string, mode: number): void {
  let current: number;
  try {
    current = fs.statSync(target).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((current & ~mode) === 0) return;
  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `${target} is open to other users (mode ${octal(current)}) and cannot be made ${octal(mode)} (${code}): start the server as its owner, or chmod ${octal(mode)} it`,
    );
  }
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

/**
 * The text of `file`; when it does not exist, it is first created (mode 0600) from `create()`.
 * Creation writes a temp file and hard-links it into place, which fails if the file exists: a
 * reader never sees half a file, and of two servers starting together on one data dir exactly
 * one creates it while both read (and so use) the winner's content.
 */
export async function readOrCreateFile(
  file: string,
  create: () => string | Promise<string>,
): Promise<string> {
  const existing = await readFileIfExists(file);
  if (existing !== undefined) return existing;
  const temp = await writeTempFile(file, await create());
  try {
    await fs.promises.link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
  return fs.promises.readFile(file, 'utf8');
}

/** The text of `file`, or `undefined` if it does not exist. */
export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces `file` (mode 0600) atomically: temp file + rename. */
export async function replaceFile(file: string, content: string): Promise<void> {
  const temp = await writeTempFile(file, content);
  try {
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** Writes `content` (mode 0600) to a new temp file beside `file` and returns its path. */
async function writeTempFile(file: string, content: string): Promise<string> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, content, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return temp;
}
