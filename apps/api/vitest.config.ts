import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // better-sqlite3 is a native module: separate processes keep each test file's database to itself.
    pool: 'forks',
    testTimeout: 60_000,
    // Loading the demo commission in beforeAll takes seconds; on a busy 2-core machine more than the default 10 s.
    hookTimeout: 120_000,
  },
});
