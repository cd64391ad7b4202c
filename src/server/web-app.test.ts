import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { createDb } from '../platform/database.ts';
import { type App, buildApp } from './app.ts';

let webDir: string;
let app: App;
const db = createDb('postgres://unused@127.0.0.1:1/unused');

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'bihuan-web-'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Bihuan</title>');
  await writeFile(path.join(webDir, 'app.js'), 'console.log(1)');
  app = await buildApp({ db, connectionString: '', clock: manualClock(new Date()), logLevel: 'silent', webDir });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
  await rm(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves its files and answers client-side routes with index.html', async () => {
    expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const route = await app.inject({ url: '/org?unit=140929' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    const missing = await app.inject({ url: '/assets/old-build.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
