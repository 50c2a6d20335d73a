/**
 * For journeys that follow e-mail: a real SMTP server on a loopback port (the `smtp-server` package)
 * that keeps every message, and the built app started as `npm start` runs it, with its own embedded
 * data directory and `SMTP_URL` pointing at that server. The app can be stopped and started again on
 * the same data, so the compiled CLI can run in between (`run-jobs --at`, the clock moved forward).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export async function startMailbox() {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Waits for a mail to `to` whose subject matches, and returns it. */
    async waitFor(to: string, subject: RegExp, timeout = 20_000): Promise<Mail> {
      await expect.poll(() => received.some((m) => m.to.includes(to) && subject.test(m.subject)), { timeout, interval: 200 }).toBe(true);
      return received.find((m) => m.to.includes(to) && subject.test(m.subject))!;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The path of the first link in a mail's text that starts with `prefix`. */
export function linkPath(mail: Mail, prefix: string): string {
  const url = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!url) throw new Error(`No link starting with ${prefix} in:\n${mail.text}`);
  return new URL(url).pathname;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

/** The built app with its own data directory and mail server; `admin` is made with the compiled CLI. */
export async function startApp(options: { smtpUrl: string; admin: { email: string; password: string } }) {
  const dir = mkdtempSync(join(tmpdir(), 'varde-e2e-mail-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: join(dir, 'db'),
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: 'Varde <varde@example.org>',
    WORKER_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    LOGIN_RATE_LIMIT: '1000',
  };
  const cli = (...args: string[]) => execFileSync(process.execPath, [join(root, 'apps/server/dist/cli.js'), ...args], { cwd: root, env, encoding: 'utf8' });
  cli('create-admin', '--email', options.admin.email, '--name', 'Plattform Admin', '--password', options.admin.password);

  let child: ChildProcess | null = null;
  async function start() {
    child = spawn(process.execPath, [join(root, 'apps/server/dist/server.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
      try {
        if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('The server did not become ready within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  async function stop() {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    await exited;
  }
  await start();
  return {
    baseUrl,
    start,
    stop,
    /**
     * `npm run cli -- run-jobs --at TIME` with the compiled CLI, on this app's data (stop the app first).
     * Asynchronous: the mail server it sends to runs in this process.
     */
    async runJobs(at: string) {
      const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'apps/server/dist/cli.js'), 'run-jobs', '--at', at], { cwd: root, env });
      return JSON.parse(stdout) as Record<string, number>;
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const osloHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' });
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });

/** `YYYY-MM-DD` and weekday of an instant in Oslo. */
function osloDay(at: Date) {
  const parts = Object.fromEntries(osloDate.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday };
}

/** An Oslo wall-clock time on `day` as an ISO string with that day's offset. */
export function osloTime(day: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T${time}:00${offset}`;
    if (Number(osloHour.format(new Date(iso))) === Number(time.slice(0, 2))) return iso;
  }
  throw new Error(`No Oslo time ${day} ${time}`);
}

/** The Oslo date of the first Monday at least `minDays` days from now, and the date `days` after it. */
export function mondayAhead(minDays: number): { monday: string; plus: (days: number) => string } {
  let at = Date.now() + minDays * 86_400_000;
  while (osloDay(new Date(at)).weekday !== 'Mon') at += 86_400_000;
  const noon = at;
  return { monday: osloDay(new Date(at)).day, plus: (days) => osloDay(new Date(noon + days * 86_400_000)).day };
}
