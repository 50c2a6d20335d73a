/**
 * Administration from the command line: `npm run cli -- <command> [options]`.
 * Uses the same configuration as the server (DATA_DIR or DATABASE_URL).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { Value } from 'typebox/value';
import { Email, limits, translate } from '@varde/contracts';
import { backupEmbedded, clusterTemplateDir, createDb, restoreDump, seedReferenceData, type Database } from '@varde/db';
import { loadConfig } from './config';
import { checkNewPassword } from './modules/auth/password-policy';
import { createServices } from './services';

const usage = `Varde command line

  npm run cli -- migrate                      Apply pending database migrations
  npm run cli -- seed                         Load or update the reference data (municipalities, counties, neighbours)
  npm run cli -- create-admin --email E --name N [--password P]
                                              Create a platform administrator, or promote an existing user.
                                              Without --password it reads VARDE_ADMIN_PASSWORD or asks.
  npm run cli -- run-jobs [--at TIME]         Run the work that is due now (notification checks, digests, deadline
                                              reminders, clean-up) and send due e-mail; --at runs it as if the clock
                                              showed TIME (ISO 8601, e.g. 2027-02-01T07:30:00+01:00)
  npm run cli -- example-data --seed N [--count C] [--solutions S]
                                              Replace the example participation records with C (default 20000) and
                                              the example solutions with S (default 250) made from seed N. For
                                              demonstrations: shown only with EXAMPLE_DATA=on, marked as examples
                                              everywhere. --count 0 / --solutions 0 removes them.
  npm run cli -- backup --out FILE.sql        Dump the embedded database as SQL that PostgreSQL 15 can load
  npm run cli -- restore --in FILE.sql        Load such a dump into an empty database (DATA_DIR or DATABASE_URL)

Configuration comes from the environment: DATA_DIR (default data/db) or DATABASE_URL, and SMTP_URL, MAIL_FROM, PUBLIC_URL for e-mail.
With the embedded database, stop the server first (one process holds a data directory).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    out: { type: 'string' },
    in: { type: 'string' },
    at: { type: 'string' },
    seed: { type: 'string' },
    count: { type: 'string' },
    solutions: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const config = loadConfig();
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

async function open(migrate = true): Promise<Database> {
  return createDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, migrate } : { dataDir: config.dataDir, clusterTemplate: clusterTemplateDir(), migrate },
  );
}

async function askPassword(): Promise<string> {
  if (process.env.VARDE_ADMIN_PASSWORD) return process.env.VARDE_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) fail('Give --password or set VARDE_ADMIN_PASSWORD (no terminal to ask on).');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`Password (at least ${limits.passwordMin} characters): `);
  rl.close();
  return answer;
}

async function run(command: string | undefined) {
  switch (command) {
    case 'migrate': {
      const database = await open();
      console.log(`Migrations applied (${database.kind}: ${database.location}).`);
      return database.close();
    }
    case 'seed': {
      const database = await open();
      console.log(JSON.stringify(await seedReferenceData(database.db), null, 2));
      return database.close();
    }
    case 'create-admin': {
      const email = values.email?.trim() ?? fail('--email is required');
      const name = values.name?.trim() || email;
      if (!Value.Check(Email, email)) fail(`"${email}" is not a valid e-mail address.`);
      const password = values.password ?? (await askPassword());
      // The same rule as for every new password (length, not only spaces, not a common password).
      const problem = await checkNewPassword(password);
      if (problem)
        fail(translate('en', `validation.${problem.code}`, { field: translate('en', 'field.password'), ...(problem.limit ? { limit: problem.limit } : {}) }));
      const database = await open();
      await seedReferenceData(database.db);
      const { authService } = createServices(database.db, config);
      const result = await authService.ensurePlatformAdmin({ email, name, password });
      console.log(result.created ? `Created platform administrator ${email}.` : `${email} is now a platform administrator (password reset).`);
      return database.close();
    }
    case 'run-jobs': {
      // --at: the clock starts at TIME and runs on from there.
      const start = values.at === undefined ? Date.now() : Date.parse(values.at);
      if (Number.isNaN(start)) fail(`--at "${values.at}" is not a date and time (ISO 8601).`);
      const offset = start - Date.now();
      const database = await open();
      await seedReferenceData(database.db);
      const services = createServices(database.db, config, { now: () => new Date(Date.now() + offset) });
      try {
        console.log(JSON.stringify(await services.jobsService.runDue(), null, 2));
      } finally {
        services.mailService.close();
        await database.close();
      }
      return;
    }
    case 'example-data': {
      const seed = Number(values.seed ?? fail('--seed N is required (a whole number)'));
      const count = Number(values.count ?? 20_000);
      if (!Number.isSafeInteger(seed) || seed < 0) fail('--seed must be a whole number.');
      if (!Number.isInteger(count) || count < 0 || count > 200_000) fail('--count must be a whole number from 0 to 200000.');
      const database = await open();
      await seedReferenceData(database.db);
      const solutionCount = Number(values.solutions ?? 250);
      if (!Number.isInteger(solutionCount) || solutionCount < 0 || solutionCount > 50_000) fail('--solutions must be a whole number from 0 to 50000.');
      const { participationService, solutionService } = createServices(database.db, config);
      const made = await participationService.replaceExamples(seed, count);
      const solutionsMade = await solutionService.replaceExamples(seed, solutionCount);
      console.log(
        `${made} example participation records and ${solutionsMade} example solutions (seed ${seed}). They are shown only when the server runs with EXAMPLE_DATA=on${config.exampleData ? ' (on here)' : ''}.`,
      );
      return database.close();
    }
    case 'backup': {
      const out = values.out ?? fail('--out FILE.sql is required');
      if (config.databaseUrl) fail('DATABASE_URL is set: back up a PostgreSQL server with pg_dump.');
      const database = await open();
      writeFileSync(out, await backupEmbedded(database));
      console.log(`Wrote ${out}. Load it into PostgreSQL with: DATABASE_URL=… npm run cli -- restore --in ${out}`);
      return database.close();
    }
    case 'restore': {
      const file = values.in ?? fail('--in FILE.sql is required');
      const database = await open(false);
      try {
        await restoreDump(database, readFileSync(file, 'utf8'), config.databaseUrl);
        console.log(`Restored ${file} into ${database.kind} (${database.location}).`);
      } finally {
        await database.close();
      }
      return;
    }
    default:
      console.log(usage);
      if (command && !values.help) process.exit(1);
  }
}

run(positionals[0]).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
