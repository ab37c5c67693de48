// `pnpm --filter @passwordless-lock/server build` (and `prepack`): dist/, the JavaScript and type
// declarations the published package's bin and exports point at. The workspace runs from src/.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

// A file deleted from src/ must not live on in the tarball.
rmSync('dist', { recursive: true, force: true });
execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// npm sets a bin's mode on install; this makes `dist/cli.js` executable in the tarball itself too.
chmodSync('dist/cli.js', 0o755);
