import type { Config } from '../platform/config.ts';
import { createDb, type Db, migrateToLatest } from '../platform/database.ts';
import { openDatabaseServer } from '../platform/database-server.ts';

export type Runtime = { db: Db; connectionString: string; close: () => Promise<void> };

/** The database the server and every CLI command share: started or attached, and migrated. */
export async function openRuntime(config: Config, log: (message: string) => void): Promise<Runtime> {
  const server = await openDatabaseServer(config, log);
  const db = createDb(server.connectionString);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await db.destroy();
    await server.stop();
    throw error;
  }
  return {
    db,
    connectionString: server.connectionString,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}
