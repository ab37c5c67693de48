// custom-elements.json, generated from the classes' JSDoc by `cem analyze --litelement`. One place
// for the build and for the test that checks the manifest, so the test reads what ships.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Writes custom-elements.json into `outdir`.
 *
 * @param {string} outdir - Relative to the package folder: cem joins it to the working directory,
 *   even an absolute one.
 * @param {'inherit' | 'pipe'} [stdio] - Where cem's output goes. Default `inherit`.
 */
export function analyzeManifest(outdir, stdio = 'inherit') {
  execFileSync(
    'pnpm',
    [
      'exec',
      'cem',
      'analyze',
      '--litelement',
      '--globs',
      'src/passwordless-lock.ts',
      'src/lock-passwordless.ts',
      '--outdir',
      outdir,
    ],
    { cwd: packageRoot, stdio },
  );
}
