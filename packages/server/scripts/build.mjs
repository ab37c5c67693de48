// `pnpm --filter @passwordless-lock/server build` (and `prepack`): dist/, the JavaScript and type
// declarations the published package's bin and exports point at. The workspace runs from src/.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

// A file deleted from src/ must not live on in the tarball.
rmSync('dist', { recursive: true, force: true });
execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The server does not check its locale files at start: a bad one stops the build instead.
const { allServerText } = await import('../dist/locales/index.js');
const { serverTextsProblems } = await import('../dist/locales/check.js');
const localeProblems = serverTextsProblems(await allServerText());
if (localeProblems.length > 0) {
  rmSync('dist', { recursive: true, force: true });
  throw new Error(`bad server text:\n${localeProblems.join('\n')}`);
}
// npm sets a bin's mode on install; this makes `dist/cli.js` executable in the tarball itself too.
chmodSync('dist/cli.js', 0o755);
