/**
 * Starts the built app once for all journeys, as `npm start` runs it (the compiled server in
 * apps/server/dist): a new embedded data directory, a platform administrator made with the compiled
 * CLI, then the server on a free loopback port.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'apps/web/dist/server/entry-server.js'))) {
    throw new Error('The web app is not built: run `npm run build` before the browser journeys.');
  }
  const server = join(root, 'apps/server/dist/server.js');
  const cli = join(root, 'apps/server/dist/cli.js');
  if (!existsSync(server) || !existsSync(cli)) {
    throw new Error('The server is not built: run `npm run build` before the browser journeys.');
  }
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error('Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'varde-e2e-'));
  const port = await freePort();
  // Every journey signs in from 127.0.0.1: the per-address sign-in limit (10 a minute) would make
  // journeys fail by the order and speed they happen to run in. The limit itself is tested in `data`.
  const env = { ...process.env, DATA_DIR: join(dir, 'db'), PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', LOGIN_RATE_LIMIT: '1000' };
  const adminEmail = 'plattform@example.org';
  const adminPassword = 'e2e-admin-password-123';
  execFileSync(process.execPath, [cli, 'create-admin', '--email', adminEmail, '--name', 'Plattform Admin', '--password', adminPassword], {
    cwd: root,
    env,
    stdio: 'inherit',
  });

  const child: ChildProcess = spawn(process.execPath, [server], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The server did not become ready within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminEmail', adminEmail);
  project.provide('adminPassword', adminPassword);

  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  };
}
