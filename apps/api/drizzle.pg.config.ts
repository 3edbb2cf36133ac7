import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations (DATABASE_URL set); the SQLite ones are in drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg-schema/index.ts',
  out: './drizzle-pg',
  casing: 'snake_case',
});
