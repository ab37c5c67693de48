import fs from 'node:fs';

/** The CLI's name, which starts every line it prints on stderr. */
export const NAME = 'passwordless-lock-server';

/** A failure the user can fix: printed as one line, exit status 1. */
export class StartError extends Error {}

/** The `--config` file's JSON, validated later by `resolveConfig`. */
export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartError(
      `cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StartError(`config ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
