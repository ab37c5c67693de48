// custom-elements.json comes from the class JSDoc (cem analyze --litelement): what editors and
// docs tools show must list the whole public surface.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeManifest } from '../scripts/manifest.mjs';
import { LOCK_EVENTS } from '../src/events.js';
import { PROPERTY_OPTIONS } from '../src/options.js';

interface Named {
  name: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  attributes?: Named[];
  members?: (Named & { kind: string; privacy?: string })[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

describe('custom-elements.json', () => {
  it('describes the tag: its attributes, events, parts and custom properties', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const outdir = mkdtempSync(join(tmpdir(), 'pl-cem-'));
    analyzeManifest(relative(root, outdir), 'pipe');
    const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const element = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === 'passwordless-lock');
    expect(element?.name).toBe('PasswordlessLock');
    const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name).sort();
    expect(names(element?.attributes)).toEqual(
      [
        'allow-autocomplete',
        'autoclose',
        'cache-location',
        'autofocus',
        'client-id',
        'closable',
        'domain',
        'inline',
        'lang',
        'language',
        'language-menu',
        'logo',
        'must-accept-terms',
        'open',
        'passwordless-method',
        'prefill-email',
        'primary-color',
        'remember-last-login',
        'restore-session',
        'theme',
        'use-refresh-tokens',
      ].sort(),
    );
    // Lock's events (the list LockPasswordless.on checks), and the element's own request-close.
    expect(names(element?.events)).toEqual([...LOCK_EVENTS, 'request-close'].sort());
    // The Lock options LockPasswordless sets as they are are public properties of the element.
    const properties = (element?.members ?? [])
      .filter((m) => m.kind === 'field' && m.privacy === 'public')
      .map((m) => m.name);
    expect(properties).toEqual(expect.arrayContaining([...PROPERTY_OPTIONS]));
    expect(names(element?.cssParts)).toEqual(expect.arrayContaining(['dialog', 'panel', 'status']));
    expect(names(element?.cssProperties)).toContain('--pl-color-primary');
  }, 30_000);
});
