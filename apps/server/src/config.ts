import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  port: number;
  host: string;
  /** Embedded database directory, used when `databaseUrl` is empty. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Address users reach the app at; used in invitation links and to decide Secure cookies. */
  publicUrl: string;
  sessionTtlDays: number;
  invitationTtlDays: number;
  trustProxy: boolean;
  logLevel: string;
  /** Serve the built web app (production) or Vite middleware (development). */
  webMode: 'built' | 'dev' | 'none';
  /** Login attempts allowed per IP address per minute (also password reset requests and setup). */
  loginRateLimit: number;
  /** Where mail is sent (`smtp://user:pass@host:587`, `smtps://…`); without it mail stays queued and the outbox shows it. */
  smtpUrl: string | undefined;
  /** The sender of every e-mail, e.g. `Varde <varde@kommune.no>`. */
  mailFrom: string;
  /** Where replies go, when not to the sender. */
  mailReplyTo: string | undefined;
  /** Seconds between the worker's rounds (mail delivery, notification checks, digests, reminders); 0 runs no worker. */
  workerIntervalSeconds: number;
  /** EXAMPLE_DATA=on shows example participation records (always marked as such); off by default. */
  exampleData: boolean;
  /** Rows one participation import may have on PostgreSQL, and on the embedded database (one transaction holds every other request there). */
  importMaxRows: number;
  importMaxRowsEmbedded: number;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** The host of the public address, for the default sender address (`localhost` when there is none). */
function mailDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Reads configuration from the environment. Every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const port = integer('PORT', 3000, env);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(repoRoot, env.DATA_DIR || 'data/db'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    sessionTtlDays: integer('SESSION_TTL_DAYS', 30, env),
    invitationTtlDays: integer('INVITATION_TTL_DAYS', 14, env),
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    webMode: 'built',
    loginRateLimit: integer('LOGIN_RATE_LIMIT', 10, env),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `Varde <varde@${mailDomain(env.PUBLIC_URL || '')}>`,
    mailReplyTo: env.MAIL_REPLY_TO || undefined,
    workerIntervalSeconds: integer('WORKER_INTERVAL_SECONDS', 30, env),
    exampleData: env.EXAMPLE_DATA === 'on',
    importMaxRows: Math.min(integer('IMPORT_MAX_ROWS', 100_000, env), 100_000),
    importMaxRowsEmbedded: Math.min(integer('IMPORT_MAX_ROWS_EMBEDDED', 10_000, env), 100_000),
    ...overrides,
  };
}

export const paths = {
  repoRoot,
  webDist: resolve(repoRoot, 'apps/web/dist'),
  webRoot: resolve(repoRoot, 'apps/web'),
};
