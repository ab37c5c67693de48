import type { Plugin } from 'vite';

export function minifyStyles(): Plugin;
export function minifyTemplates(): Plugin;
export function stripI18nextDebugLogs(): Plugin;
export function compileHint(): Plugin;
