/**
 * The engine of this process, fixed at load: PostgreSQL when DATABASE_URL is
 * set, SQLite (DATABASE_PATH) otherwise. Tables and the few dialect-specific
 * SQL fragments (`dialect.ts`) follow it, so it cannot change while running.
 */
export type Engine = 'sqlite' | 'postgres';

export const ENGINE: Engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);
