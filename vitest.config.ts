import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database) and `data` (repositories, services and HTTP through
 * a real database). `data` runs on embedded PGlite, or on PostgreSQL when DATABASE_URL is set.
 */
const dataTests = ['apps/server/src/**/*.test.ts', 'packages/db/src/**/*.test.ts'];
const pureTests = ['apps/server/src/modules/geo/**/*.test.ts', 'apps/server/src/plugins/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/domain/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}', ...pureTests],
        },
      },
      {
        test: {
          name: 'data',
          include: dataTests,
          exclude: pureTests,
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          // One server with one embedded database: journeys run one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
