// `pnpm --filter passwordless-lock build`: the ESM build, the script-tag file, the type
// declarations and custom-elements.json, all from the sources.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
await build({ configFile: 'vite.config.ts', mode: 'script-tag', logLevel: 'warn' });
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json']);
run('pnpm', [
  'exec',
  'cem',
  'analyze',
  '--litelement',
  '--globs',
  'src/passwordless-lock.ts',
  'src/lock-passwordless.ts',
  '--outdir',
  'dist',
]);
