import { defineConfig } from 'vitest/config';

// Three projects: everything on embedded PGlite (always), the database-backed suites again on
// PostgreSQL when TEST_DATABASE_URL is set, and the browser journeys when E2E=1.
const unitAndApi = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const e2e = ['test/e2e/**/*.e2e.test.ts'];
const pgUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'pglite',
          include: unitAndApi,
          exclude: [...e2e, 'node_modules/**'],
          env: { KEQING_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                name: 'postgres',
                include: ['src/server/**/*.test.ts', 'test/**/*.test.ts'],
                exclude: [...e2e, 'node_modules/**'],
                env: { KEQING_TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      ...(process.env.E2E === '1'
        ? [
            {
              test: {
                name: 'e2e',
                include: e2e,
                testTimeout: 120_000,
                hookTimeout: 180_000,
                fileParallelism: false,
                // expect.poll waits 1 s by default: on a loaded CI machine a page can take longer to
                // fetch what the journey then reads (a customer's classes once showed "…" past it).
                expect: { poll: { timeout: 20_000, interval: 100 } },
              },
            },
          ]
        : []),
    ],
  },
});
