import type { ChildProcess } from 'node:child_process';

export interface Packed {
  name: string;
  /** The tarball's absolute path. */
  filename: string;
  /** Paths inside the package, as npm will install them. */
  files: string[];
  packedBytes: number;
  unpackedBytes: number;
}

export function pack(packageDir: string, destination: string): Promise<Packed>;
export function installTarballs(project: string, tarballs: readonly string[]): Promise<void>;
export function startServer(
  project: string,
  args: readonly string[],
): Promise<{ child: ChildProcess; origin: string }>;
export function plainNodeEnv(): NodeJS.ProcessEnv;
export function kib(bytes: number): string;
