import { freePort } from '../../src/platform/free-port.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabaseServer } from '../../src/platform/database-server.ts';
import { buildTemplateDatabase, TEMPLATE_DATABASE } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminConnectionString: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run (the embedded one in a temporary directory, or DATABASE_URL's server)
 * and one migrated template database with the Xinzhou fixture; every test file clones the template.
 */
export default async function setup(project: TestProject) {
  const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(path.join(tmpdir(), 'bihuan-test-'));
  const server = await openDatabaseServer({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: dataDir ?? '',
    embeddedPgPort: await freePort(),
  });
  await buildTemplateDatabase(server.adminConnectionString);
  project.provide('adminConnectionString', server.adminConnectionString);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
