import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it, inject } from 'vitest';
import { createDb, migrateToLatest } from '../src/platform/database.ts';
import { migrations } from '../src/platform/migrations/index.ts';
import { adminQuery, databaseUrl } from './support/template.ts';

describe('migrations', () => {
  it('apply to an empty database, roll all the way down and up again', async () => {
    const admin = inject('adminConnectionString');
    const name = `bihuan_migrate_${randomBytes(4).toString('hex')}`;
    await adminQuery(admin, `create database ${name}`);
    const db = createDb(databaseUrl(admin, name), 2);
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      for (let i = 0; i < Object.keys(migrations).length; i++) {
        const { error } = await migrator.migrateDown();
        expect(error).toBeUndefined();
      }
      const tables = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
        db,
      );
      expect(tables.rows[0]?.n).toBe(0);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await db.destroy();
      await adminQuery(admin, `drop database ${name} with (force)`);
    }
  });
});
