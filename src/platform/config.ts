import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  BIHUAN_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BIHUAN_HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  BIHUAN_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  BIHUAN_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  BIHUAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BIHUAN_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  BIHUAN_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export type Config = {
  dataDir: string;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  embeddedPgPort: number;
  logLevel: z.infer<typeof envSchema>['BIHUAN_LOG_LEVEL'];
  secureCookies: boolean;
  loadDemo: boolean;
};

/** Reads and validates the environment once; a bad variable stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.BIHUAN_DATA_DIR),
    port: e.PORT,
    host: e.BIHUAN_HOST,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.BIHUAN_ADMIN_PASSWORD,
    embeddedPgPort: e.BIHUAN_PG_PORT,
    logLevel: e.BIHUAN_LOG_LEVEL,
    secureCookies: e.BIHUAN_SECURE_COOKIES,
    loadDemo: e.BIHUAN_DEMO,
  };
}
