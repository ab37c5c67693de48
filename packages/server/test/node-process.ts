import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ARGS, REPO_ROOT } from './helpers.js';

/** One server process: the real CLI (not `--dev`) on a free port of 127.0.0.1. */
export interface ServerNode {
  name: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  child: ChildProcess;
  /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
  kill(): Promise<void>;
}

export interface NodeOptions {
  configFile: string;
  dataDir: string;
  databaseUrl: string;
  smtpUrl: string;
}

/** Starts the CLI and resolves once it prints that it listens; rejects with its stderr if it exits. */
export async function startServerNode(name: string, options: NodeOptions): Promise<ServerNode> {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, '--config', options.configFile, '--data', options.dataDir, '--port', '0'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SMTP_URL: options.smtpUrl, DATABASE_URL: options.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout: string | undefined = '';
  let stderr = '';
  // Both pipes are read to the end: a full pipe would block the server.
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      if (stdout === undefined) return; // the server's log, after the line we wait for
      stdout += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match) {
        stdout = undefined;
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`node ${name} exited ${code}: ${stderr}`)));
  });
  return {
    name,
    base,
    child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
