/**
 * The layer rules of .dependency-cruiser.cjs (docs/decisions/006-lint-and-format.md) fail on code that
 * breaks them, and let through what they allow. Runs the real `depcruise` command with the real
 * configuration over a small tree of files in a temporary folder, laid out like the repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each file of the fixture tree, by path; most hold one import that breaks (or keeps) one rule. */
const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, jsx: 'react-jsx', noEmit: true } }),
  'package.json': JSON.stringify({ name: 'fixture', private: true, devDependencies: { vitest: '*' } }),
  'node_modules/typebox/package.json': JSON.stringify({ name: 'typebox', version: '1.0.0', main: 'index.js' }),
  'node_modules/typebox/index.js': 'export const Type = {};\n',
  'node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.0.0', main: 'index.js' }),
  'node_modules/left-pad/index.js': 'export default (s) => s;\n',
  'node_modules/csv-parse/package.json': JSON.stringify({ name: 'csv-parse', version: '1.0.0', main: 'index.js' }),
  'node_modules/csv-parse/index.js': 'export const parse = () => [];\n',

  // packages/contracts
  'packages/contracts/package.json': JSON.stringify({ name: '@varde/contracts', dependencies: { typebox: '*' } }),
  'packages/contracts/src/vocabulary.ts': "import { schemeHelper } from './helper';\nexport const themes = [schemeHelper];\n",
  'packages/contracts/src/helper.ts': "import { Type } from 'typebox';\nexport const schemeHelper = Type;\n",
  'packages/contracts/src/schemes.ts': "import { Type } from 'typebox';\nimport { rank } from '../../domain/src/rank';\nexport const S = [Type, rank];\n",

  // packages/domain
  'packages/domain/package.json': JSON.stringify({ name: '@varde/domain', dependencies: { '@varde/contracts': '*', typebox: '*' } }),
  'packages/domain/src/rank.ts': "import { readFileSync } from 'node:fs';\nexport const rank = readFileSync;\n",
  'packages/domain/src/finder.ts': "import { fixture } from './test-fixtures/schemes';\nexport const finder = fixture;\n",
  'packages/domain/src/finder.test.ts':
    "import { fixture } from './test-fixtures/schemes';\nimport { schema } from '../../db/src/index';\nexport const t = [fixture, schema];\n",
  'packages/domain/src/test-fixtures/schemes.ts': "import type { S } from '../../../contracts/src/schemes';\nexport const fixture: typeof S | null = null;\n",
  'packages/domain/src/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
  'packages/domain/src/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
  'packages/domain/src/scheme-integrity.ts': 'export const checkSchemeIntegrity = () => [];\n',

  // packages/db
  'packages/db/package.json': JSON.stringify({ name: '@varde/db', dependencies: { '@varde/contracts': '*', '@varde/domain': '*' } }),
  'packages/db/src/index.ts': 'export const schema = {};\n',
  'packages/db/src/client.ts': 'export type AppDb = { run(): void };\n',
  'packages/db/src/canonical-json.ts': 'export const canonicalJson = JSON.stringify;\n',
  'packages/db/src/scheme-catalogue.ts':
    "import { checkSchemeIntegrity } from '../../domain/src/scheme-integrity';\nimport { finder } from '../../domain/src/finder';\nexport const read = [checkSchemeIntegrity, finder];\n",
  'packages/db/src/seed.ts': "import { finder } from '../../domain/src/finder';\nexport const seed = finder;\n",
  'packages/db/src/db.test.ts': "import { app } from '../../../apps/server/src/app';\nexport const t = app;\n",

  // packages/test-support
  'packages/test-support/package.json': JSON.stringify({ name: '@varde/test-support' }),
  'packages/test-support/src/catalogue.ts': 'export const realCatalogue = () => [];\n',

  // apps/server
  'apps/server/package.json': JSON.stringify({ name: '@varde/server', dependencies: { typebox: '*' }, devDependencies: { 'csv-parse': '*' } }),
  'apps/server/src/app.ts': "import { realCatalogue } from '../../../packages/test-support/src/catalogue';\nexport const app = realCatalogue;\n",
  'apps/server/src/pad.ts':
    "import pad from 'left-pad';\nimport { parse } from 'csv-parse';\nimport { nothing } from './missing';\nexport const x = [pad, parse, nothing];\n",
  'apps/server/src/core/errors.ts': "import { auth } from '../plugins/auth';\nexport class AppError extends Error {}\nexport const e = auth;\n",
  'apps/server/src/core/auth-context.ts':
    "import { AppError } from './errors';\nimport type { AppConfig } from '../config';\nexport type AuthContext = { user: AppError | null; config: AppConfig };\n",
  'apps/server/src/config.ts': "import type { AuthContext } from './core/auth-context';\nexport type AppConfig = { port: number; context?: AuthContext };\n",
  'apps/server/src/plugins/auth.ts': "import { feedRoutes } from '../modules/feeds/feed.routes';\nexport const auth = feedRoutes;\n",
  'apps/server/src/plugins/ssr.ts':
    "import type { RenderResult } from '../../../web/src/entry-server';\nimport { render } from '../../../web/src/entry-server';\nexport const ssr: [RenderResult | null, typeof render] = [null, render];\n",
  'apps/server/src/modules/feeds/feed.routes.ts': 'export const feedRoutes = () => undefined;\n',
  'apps/server/src/modules/feeds/feed.repository.ts': 'export const feedRepository = {};\n',
  'apps/server/src/modules/feeds/feed.service.ts': [
    "import type { AppDb } from '../../../../../packages/db/src/client';",
    "import { canonicalJson } from '../../../../../packages/db/src/canonical-json';",
    "import type { AuthContext } from '../../core/auth-context';",
    "import { AppError } from '../../core/errors';",
    "import { feedRepository } from './feed.repository';",
    'export const feedService = (db: AppDb, auth: AuthContext) => [db, auth, canonicalJson, AppError, feedRepository];',
    '',
  ].join('\n'),
  'apps/server/src/modules/alerts/alert.service.ts': [
    "import { schema } from '../../../../../packages/db/src/index';",
    "import { feedRepository } from '../feeds/feed.repository';",
    "import { auth } from '../../plugins/auth';",
    'export const alertService = [schema, feedRepository, auth];',
    '',
  ].join('\n'),

  // apps/web
  'apps/web/package.json': JSON.stringify({ name: '@varde/web', dependencies: { '@varde/contracts': '*' } }),
  'apps/web/src/entry-server.tsx':
    "import { themes } from '../../../packages/contracts/src/vocabulary';\nexport type RenderResult = { html: string };\nexport const render = () => themes;\n",
  'apps/web/src/page.tsx': "import { app } from '../../server/src/app';\nexport const Page = app;\n",

  // e2e
  'e2e/package.json': JSON.stringify({ name: '@varde/e2e', dependencies: { '@varde/contracts': '*' } }),
  'e2e/journey.e2e.ts':
    "import { finder } from '../packages/domain/src/finder';\nimport { themes } from '../packages/contracts/src/vocabulary';\nexport const j = [finder, themes];\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let dir: string;
let violations: Violation[];
const found = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'varde-lint-rules-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const depcruise = (outputType: string) =>
    spawnSync(
      process.execPath,
      [
        join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        '--config',
        join(repo, '.dependency-cruiser.cjs'),
        '--output-type',
        outputType,
        'packages',
        'apps',
        'e2e',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  // As `npm run lint` runs it: the command fails (exit code = number of errors).
  const lint = depcruise('err');
  expect(lint.status, lint.stderr).toBeGreaterThan(0);
  expect(lint.stdout).toContain('error modules-not-to-plugins: apps/server/src/modules/alerts/alert.service.ts → apps/server/src/plugins/auth.ts');
  const run = depcruise('json');
  expect(run.status, run.stderr).toBe(0);
  violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  it('refuse import cycles', () => {
    expect(found('no-circular')).toEqual(expect.arrayContaining(['packages/domain/src/cycle-a.ts → packages/domain/src/cycle-b.ts']));
  });

  it('keep contracts at the bottom, and vocabulary.ts free of typebox even through another file', () => {
    expect(found('contracts-imports-only-typebox')).toEqual(['packages/contracts/src/schemes.ts → packages/domain/src/rank.ts']);
    expect(found('vocabulary-without-typebox')).toEqual(['packages/contracts/src/vocabulary.ts → node_modules/typebox/index.js']);
  });

  it('keep the domain pure, its tests included, and fixtures out of production code', () => {
    expect(found('domain-imports-only-contracts').sort()).toEqual([
      'packages/domain/src/finder.test.ts → packages/db/src/index.ts',
      'packages/domain/src/rank.ts → fs',
    ]);
    expect(found('test-fixtures-only-from-tests')).toEqual(['packages/domain/src/finder.ts → packages/domain/src/test-fixtures/schemes.ts']);
  });

  it('keep db off the domain except for the catalogue loader’s integrity check', () => {
    expect(found('db-not-to-domain')).toEqual(['packages/db/src/seed.ts → packages/domain/src/finder.ts']);
    expect(found('db-catalogue-loader-only-integrity-check')).toEqual(['packages/db/src/scheme-catalogue.ts → packages/domain/src/finder.ts']);
  });

  it('keep package tests off the server, and test-support out of production code', () => {
    expect(found('packages-not-to-apps')).toEqual(['packages/db/src/db.test.ts → apps/server/src/app.ts']);
    expect(found('test-support-only-from-tests')).toEqual(['apps/server/src/app.ts → packages/test-support/src/catalogue.ts']);
  });

  it('keep the web app on contracts, and e2e off internals', () => {
    expect(found('web-imports-only-contracts')).toEqual(['apps/web/src/page.tsx → apps/server/src/app.ts']);
    expect(found('e2e-no-internals')).toEqual(['e2e/journey.e2e.ts → packages/domain/src/finder.ts']);
  });

  it('keep modules off plugins, plugins off modules, core on core (and the configuration, a leaf)', () => {
    expect(found('modules-not-to-plugins')).toEqual(['apps/server/src/modules/alerts/alert.service.ts → apps/server/src/plugins/auth.ts']);
    expect(found('plugins-not-to-modules')).toEqual(['apps/server/src/plugins/auth.ts → apps/server/src/modules/feeds/feed.routes.ts']);
    expect(found('core-imports-only-core')).toEqual(['apps/server/src/core/errors.ts → apps/server/src/plugins/auth.ts']);
    expect(found('config-is-a-leaf')).toEqual(['apps/server/src/config.ts → apps/server/src/core/auth-context.ts']);
  });

  it("keep services off the query builder (types and pure helpers allowed) and off other modules' repositories", () => {
    expect(found('service-not-to-query-builder')).toEqual(['apps/server/src/modules/alerts/alert.service.ts → packages/db/src/index.ts']);
    expect(found('module-not-to-other-module-repository')).toEqual([
      'apps/server/src/modules/alerts/alert.service.ts → apps/server/src/modules/feeds/feed.repository.ts',
    ]);
  });

  it('let the server import only the types of the web’s rendering contract', () => {
    expect(found('server-not-to-web-source')).toEqual(['apps/server/src/plugins/ssr.ts → apps/web/src/entry-server.tsx']);
  });

  it('ask every workspace to declare the workspace packages and npm packages it imports', () => {
    // packages/db lists contracts and domain but not the server; e2e lists contracts only.
    expect(found('undeclared-workspace-dependency')).toEqual(
      expect.arrayContaining(['packages/db/src/db.test.ts → apps/server/src/app.ts', 'e2e/journey.e2e.ts → packages/domain/src/finder.ts']),
    );
    expect(found('undeclared-workspace-dependency')).not.toContain('packages/db/src/scheme-catalogue.ts → packages/domain/src/scheme-integrity.ts');
    expect(found('no-non-package-json')).toEqual(['apps/server/src/pad.ts → node_modules/left-pad/index.js']);
    expect(found('production-not-to-dev-dependency')).toEqual(['apps/server/src/pad.ts → node_modules/csv-parse/index.js']);
    expect(found('not-to-unresolvable')).toEqual(['apps/server/src/pad.ts → ./missing']);
  });

  it('report nothing else', () => {
    const checked = new Set([
      'no-circular',
      'contracts-imports-only-typebox',
      'vocabulary-without-typebox',
      'domain-imports-only-contracts',
      'test-fixtures-only-from-tests',
      'db-not-to-domain',
      'db-catalogue-loader-only-integrity-check',
      'packages-not-to-apps',
      'test-support-only-from-tests',
      'web-imports-only-contracts',
      'e2e-no-internals',
      'modules-not-to-plugins',
      'plugins-not-to-modules',
      'core-imports-only-core',
      'config-is-a-leaf',
      'service-not-to-query-builder',
      'module-not-to-other-module-repository',
      'server-not-to-web-source',
      'undeclared-workspace-dependency',
      'no-non-package-json',
      'production-not-to-dev-dependency',
      'not-to-unresolvable',
    ]);
    expect(violations.filter((v) => !checked.has(v.rule.name))).toEqual([]);
  });
});
