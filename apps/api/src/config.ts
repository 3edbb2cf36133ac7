import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths.js';


const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_PATH: z.string().default(resolve(repoRoot, 'data/wj.sqlite')),
  /** postgres://user:pass@host:port/db — when set, the server runs on PostgreSQL and DATABASE_PATH is not used. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, '须为 postgres:// 或 postgresql:// 开头的连接串').optional(),
  /** Where the built SPA lives; served when the folder exists. */
  WEB_DIST: z.string().default(resolve(repoRoot, 'apps/web/dist')),
  /** Load the demo commission into an empty database on start. */
  DEMO_DATA: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Daily backups: where, how often (hours; 0 = off) and how many to keep. */
  BACKUP_DIR: z.string().default(resolve(repoRoot, 'data/backups')),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  /** Evidence files of records (sign-in sheets, minutes); default: `attachments/` beside the database. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  /** Login attempts allowed per client address and username per minute. */
  LOGIN_RATE_MAX: z.coerce.number().int().min(1).max(100000).default(10),
  /** Roster uploads (preview, import, 问题清单) per user and hour. */
  ROSTER_RATE_MAX: z.coerce.number().int().min(1).max(100000).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = Omit<z.infer<typeof EnvSchema>, 'ATTACHMENTS_DIR'> & { ATTACHMENTS_DIR: string };

/** The attachments folder that goes with a database file: `attachments/` beside it. */
export const attachmentsDirFor = (databasePath: string) => join(dirname(resolve(databasePath)), 'attachments');

/** What openDb is given: the PostgreSQL URL when set, else the SQLite file. */
export const databaseTarget = (config: Pick<Config, 'DATABASE_URL' | 'DATABASE_PATH'>) => config.DATABASE_URL ?? config.DATABASE_PATH;

/** process.env is read here and nowhere else; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return { ...parsed.data, ATTACHMENTS_DIR: resolve(parsed.data.ATTACHMENTS_DIR ?? attachmentsDirFor(parsed.data.DATABASE_PATH)) };
}
