/**
 * Import rules of Varde's layers (docs/ARCHITECTURE.md "Import direction", docs/decisions/006-lint-and-format.md).
 * Run by `npm run lint` as `depcruise packages apps e2e bench scripts vitest.config.ts`; scripts/lint-rules.test.ts
 * checks that each layer rule fails on a file that breaks it.
 *
 * Paths are real paths relative to the repository root: `@varde/contracts/schemes` resolves through the
 * workspace link to `packages/contracts/src/schemes.ts`, npm packages to `node_modules/<name>/…`, Node's
 * own modules to their bare name (`fs`, `node:fs` alike). Type-only imports count unless a rule says not.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Tests and what only tests use: test files, test helpers (the server's, @varde/test-support), e2e, fixtures. */
const TEST = ['\\.test\\.tsx?$', '\\.e2e\\.ts$', '^apps/server/src/test/', '^packages/test-support/', '^e2e/', '/test-fixtures/'];

/** Workspace folder → its package.json, from the root package.json's `workspaces`. */
const root = JSON.parse(readFileSync(join(__dirname, 'package.json'), 'utf8'));
const workspaces = root.workspaces.map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(__dirname, dir, 'package.json'), 'utf8')) }));
const dirOf = new Map(workspaces.map(({ dir, pkg }) => [pkg.name, dir]));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Workspace packages declare the workspace packages they import": dependency-cruiser's no-non-package-json
 * only sees npm packages, and a workspace link is not one, so each workspace gets a rule built from its
 * package.json: it may import its own files and the workspaces it lists, nothing else of ours.
 */
const undeclaredWorkspaceRules = workspaces.map(({ dir, pkg }) => {
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies })
    .filter((name) => dirOf.has(name))
    .map((name) => dirOf.get(name));
  return {
    name: 'undeclared-workspace-dependency',
    severity: 'error',
    comment: `${pkg.name} (${dir}) imports a workspace package it does not list in ${dir}/package.json: add it to "dependencies" (or "devDependencies" for test-only use) and run npm install.`,
    from: { path: `^${escape(dir)}/` },
    to: {
      path: `^(${workspaces.map((w) => escape(w.dir)).join('|')})/`,
      pathNot: [`^${escape(dir)}/`, ...declared.map((d) => `^${escape(d)}/`)],
    },
  };
});

module.exports = {
  forbidden: [
    // --- General ---
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form no import cycle (type-only imports included): extract what both sides need into a third module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file: a typo, a missing file, or a package that is not installed.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        "An npm package the importing workspace's package.json (or the root's, for shared tools) does not list: add it there. " +
        "bench/ and scripts/ belong to the root and use the workspaces' libraries.",
      from: { pathNot: '^(bench|scripts)/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'production-not-to-dev-dependency',
      severity: 'error',
      comment:
        'Code that runs in production imports a devDependency: move the package to "dependencies". ' +
        'Types and dynamic imports of development tools (vite, loaded by `npm run dev` only) are fine.',
      from: { path: '^(packages|apps)/[^/]+/src/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    ...undeclaredWorkspaceRules,

    // --- packages/contracts: the bottom layer, shared by server and web ---
    {
      name: 'contracts-imports-only-typebox',
      severity: 'error',
      comment: 'packages/contracts holds schemas and vocabulary, no I/O: it imports only itself and typebox (tests: vitest).',
      from: { path: '^packages/contracts/' },
      to: { pathNot: ['^packages/contracts/', '^node_modules/(typebox|vitest)/'] },
    },
    {
      name: 'vocabulary-without-typebox',
      severity: 'error',
      comment: 'packages/contracts/src/vocabulary.ts is what the browser may import without the schema library: nothing it reaches may import typebox.',
      from: { path: '^packages/contracts/src/vocabulary\\.ts$' },
      to: { path: '^node_modules/typebox/', reachable: true },
    },

    // --- packages/domain: pure rules ---
    {
      name: 'domain-imports-only-contracts',
      severity: 'error',
      comment:
        'packages/domain is pure: it imports only contracts and typebox, no Node module, database, server or web code. ' +
        'Its tests import contracts and test-fixtures/ only (the real catalogue is tested in packages/test-support).',
      from: { path: '^packages/domain/' },
      to: { pathNot: ['^packages/(domain|contracts)/', '^node_modules/(typebox|vitest)/'] },
    },
    {
      name: 'test-fixtures-only-from-tests',
      severity: 'error',
      comment: 'test-fixtures/ folders are for tests: production code must not import them.',
      from: { pathNot: TEST },
      to: { path: '/test-fixtures/' },
    },

    // --- packages/db: schema, migrations, seeding ---
    {
      name: 'db-not-to-domain',
      severity: 'error',
      comment:
        'packages/db imports contracts, not domain (ARCHITECTURE: db → contracts). One exception: the catalogue loader ' +
        '(src/scheme-catalogue.ts) checks the files with the same integrity check as edits in the app (ADR 005, ADR 006).',
      from: { path: '^packages/db/', pathNot: '^packages/db/src/scheme-catalogue\\.ts$' },
      to: { path: '^packages/domain/' },
    },
    {
      name: 'db-catalogue-loader-only-integrity-check',
      severity: 'error',
      comment: "The catalogue loader's exception covers the integrity check only.",
      from: { path: '^packages/db/src/scheme-catalogue\\.ts$' },
      to: { path: '^packages/domain/', pathNot: '^packages/domain/src/scheme-integrity\\.ts$' },
    },

    // --- Packages sit below the apps, tests included ---
    {
      name: 'packages-not-to-apps',
      severity: 'error',
      comment: 'Nothing under packages/ (tests included) imports the server, the web app, e2e or bench.',
      from: { path: '^packages/' },
      to: { path: '^(apps|e2e|bench)/' },
    },
    {
      name: 'packages-not-to-server-or-web-libraries',
      severity: 'error',
      comment: 'Packages do not depend on the HTTP framework or the UI library.',
      from: { path: '^packages/' },
      to: { path: '^node_modules/(fastify|@fastify/[^/]+|react|react-dom|react-router)/' },
    },
    {
      name: 'test-support-only-from-tests',
      severity: 'error',
      comment: '@varde/test-support reads the shipped data for tests: only tests import it.',
      from: { pathNot: [...TEST, '^packages/test-support/'] },
      to: { path: '^packages/test-support/' },
    },

    // --- apps/web ---
    {
      name: 'web-imports-only-contracts',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP: of our packages it imports contracts only (ARCHITECTURE: web → contracts).',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|packages/(domain|db|test-support)|e2e|bench)/' },
    },
    {
      name: 'web-not-to-server-libraries',
      severity: 'error',
      comment: 'The web app does not bundle server or database libraries.',
      from: { path: '^apps/web/' },
      to: { path: '^node_modules/(fastify|@fastify/[^/]+|drizzle-orm|pg|@electric-sql/[^/]+)/' },
    },

    // --- apps/server ---
    {
      name: 'server-not-to-web-source',
      severity: 'error',
      comment:
        'The server renders the web app from its build (dist/), never from apps/web/src at run time; ' +
        "it may import the types of the rendering contract (`import type … from '…/web/src/entry-server'`).",
      from: { path: '^apps/server/' },
      to: { path: '^apps/web/src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-not-to-plugins',
      severity: 'error',
      comment: 'Feature modules do not import plugins: what both need (errors, AuthContext, crypto) lives in apps/server/src/core/.',
      from: { path: '^apps/server/src/modules/' },
      to: { path: '^apps/server/src/plugins/' },
    },
    {
      name: 'plugins-not-to-modules',
      severity: 'error',
      comment: 'Plugins are cross-cutting and come first: they reach features through services.ts, not modules/ files.',
      from: { path: '^apps/server/src/plugins/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'apps/server/src/core/ is what plugins and modules share: of the server it imports only core/ and the configuration (config.ts).',
      from: { path: '^apps/server/src/core/' },
      to: { path: '^apps/server/src/', pathNot: ['^apps/server/src/core/', '^apps/server/src/config\\.ts$'] },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'apps/server/src/config.ts reads the environment and imports nothing else of the server, so every layer may read it.',
      from: { path: '^apps/server/src/config\\.ts$' },
      to: { path: '^apps/server/src/' },
    },
    {
      name: 'module-not-to-other-module-repository',
      severity: 'error',
      comment: "Modules talk through services: a module never imports another module's repository.",
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: { path: '^apps/server/src/modules/[^/]+/.+\\.repository\\.ts$', pathNot: '^apps/server/src/modules/$1/' },
    },
    {
      name: 'service-not-to-query-builder',
      severity: 'error',
      comment:
        'Services hold the rules; repositories run the SQL. A service or route imports neither drizzle-orm nor the tables ' +
        "(@varde/db, its schema or client) at run time. Types are fine (`import type { AppDb } from '@varde/db'`, to pass a " +
        'transaction to a repository), and so is a pure helper by its own path (`@varde/db/canonical-json`).',
      from: { path: '^apps/server/src/.+\\.(service|routes)\\.ts$' },
      to: {
        path: ['^node_modules/drizzle-orm/', '^packages/db/src/(index|client|schema)\\.ts$', '^packages/db/src/schema/'],
        dependencyTypesNot: ['type-only'],
      },
    },

    // --- e2e ---
    {
      name: 'e2e-no-internals',
      severity: 'error',
      comment: 'Browser journeys drive the built app from outside: of our code they import contracts only (messages, API types).',
      from: { path: '^e2e/' },
      to: { path: '^(apps|packages/(domain|db|test-support)|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    // Build output and reports of our own (not node_modules/*/dist, which holds packages' code).
    exclude: { path: '^(apps|packages)/[^/]+/dist/|^(coverage|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
