import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'build/**/*.test.ts'],
          environment: 'node',
          // Seeded property tests take a few seconds each; on a loaded 2-core machine, more.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own server on a random port; two at a time suits 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
