import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(__dirname, 'src-shared'),
      '@core': resolve(__dirname, 'src-main/core'),
      '@simulator': resolve(__dirname, 'src-main/simulator'),
      '@renderer': resolve(__dirname, 'src-renderer/src'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e-browser/**', 'test/e2e-electron/**', 'node_modules/**'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's two, where half the suite's
    // time is spent importing and waiting on child processes and sockets. A worker per core halves it.
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
