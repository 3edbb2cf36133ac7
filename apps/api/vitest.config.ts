import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // better-sqlite3 is a native module: separate processes keep each test file's database to itself.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
