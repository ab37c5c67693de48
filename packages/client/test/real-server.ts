import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A real `@passwordless-lock/server` process in `--dev` mode, on a free port of 127.0.0.1. */
export interface RealServer {
  /** `http://127.0.0.1:<port>`: the domain the client is given. */
  origin: string;
  /** The `issuer` the server signs tokens with (from its discovery document). */
  issuer: string;
  /** The mails to `email` in the dev inbox, newest first. */
  inbox(email: string): Promise<{ text: string }[]>;
  /** The newest mail to `email`, waiting for it when needed. */
  latestMail(email: string): Promise<{ text: string }>;
  stop(): Promise<void>;
}

/**
 * Starts the server from source as a separate process (the client never imports server code),
 * with an optional config file.
 */
export async function startServer(config?: Record<string, unknown>): Promise<RealServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pl-client-'));
  const args = ['--import', 'tsx', 'packages/server/src/cli.ts', '--dev'];
  args.push('--host', '127.0.0.1', '--port', '0', '--data', join(dir, 'data'));
  if (config) {
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    args.push('--config', join(dir, 'config.json'));
  }
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const read = (chunk: Buffer) => {
      output += String(chunk);
      const match = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const discovery = (await (await fetch(`${origin}/.well-known/openid-configuration`)).json()) as {
    issuer: string;
  };

  const inbox = async (email: string) => {
    const response = await fetch(`${origin}/dev/inbox.json?to=${encodeURIComponent(email)}`);
    return ((await response.json()) as { messages: { text: string }[] }).messages;
  };

  return {
    origin,
    issuer: discovery.issuer,
    inbox,
    async latestMail(email) {
      for (let i = 0; i < 50; i++) {
        const [newest] = await inbox(email);
        if (newest) return newest;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no mail to ${email}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The 6-digit code in a mail. */
export function codeIn({ text }: { text: string }): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1]!;
}

/** The magic link in a mail. */
export function linkIn({ text }: { text: string }): URL {
  const match = /https?:\/\/\S+verify_redirect\S*/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return new URL(match[0]);
}
