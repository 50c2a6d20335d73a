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
          include: [
            'packages/domain/src/**/*.test.ts',
            'packages/contracts/src/**/*.test.ts',
            // The domain's rules over the real catalogue and registers (files only, no database).
            'packages/test-support/src/**/*.test.ts',
            'apps/web/src/**/*.test.{ts,tsx}',
            // The lint configuration: each layer rule fails on a violating fixture (scripts/lint-rules.test.ts).
            'scripts/**/*.test.ts',
            ...pureTests,
          ],
        },
      },
      {
        test: {
          name: 'data',
          include: dataTests,
          exclude: pureTests,
          // One migrated, seeded template per run; each test file copies it (packages/test-support/src/database.ts).
          globalSetup: ['packages/test-support/src/global-setup.ts'],
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
