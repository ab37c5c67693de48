// `pnpm --filter passwordless-lock build`: the ESM build, the script-tag file, the CDN folder, the
// type declarations and custom-elements.json, all from the sources.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { analyzeManifest } from './manifest.mjs';

rmSync('dist', { recursive: true, force: true });
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
await build({ configFile: 'vite.config.ts', mode: 'script-tag', logLevel: 'warn' });
// After the ESM build, which empties dist/.
await build({ configFile: 'vite.config.ts', mode: 'cdn', logLevel: 'warn' });
execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
analyzeManifest('dist');
