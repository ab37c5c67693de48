import type { Plugin } from 'vite';

export function minifyStyles(): Plugin;
export function minifyTemplates(): Plugin;
export function stripI18nextDebugLogs(): Plugin;
export function stripUnusedI18nextMethods(): Plugin;
export function compileHint(): Plugin;
