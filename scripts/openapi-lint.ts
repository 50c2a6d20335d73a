/**
 * `npm run lint:openapi`: writes the API's OpenAPI document to test-results/openapi.json (git ignores
 * it) without starting a server or opening a database, then lints it with Redocly CLI's recommended
 * rules (redocly.yaml). Exits non-zero on any error; warnings are printed and do not fail the run.
 * Offline: no telemetry, no update check, no remote rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDb, Database } from '@varde/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-results', 'openapi.json');

/** Building the app touches no table; any query would fail loudly here instead of needing a database. */
const noDatabase: Database = {
  db: new Proxy({} as AppDb, {
    get(_target, property) {
      throw new Error(`The OpenAPI document is built without a database (db.${String(property)})`);
    },
  }),
  kind: 'pglite',
  location: 'none',
  ping: async () => {},
  close: async () => {},
};

const startedAt = performance.now();
const app = await buildApp({ config: loadConfig({}, { webMode: 'none' }), database: noDatabase });
await app.ready();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
const built = performance.now();

const lint = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', '--config', join(root, 'redocly.yaml'), out],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`OpenAPI document built in ${seconds(built - startedAt)}, linted in ${seconds(performance.now() - built)}: ${out}`);
process.exit(lint.status ?? 1);
