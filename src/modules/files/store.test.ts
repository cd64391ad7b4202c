import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedMediaType, contentPath, storeContent } from './store.ts';

describe('allowedMediaType', () => {
  it.each([
    ['report.pdf', 'application/pdf', 'application/pdf'],
    ['photo.JPG', 'image/jpeg', 'image/jpeg'],
    ['photo.jpeg', 'application/octet-stream', 'image/jpeg'],
    ['table.xlsx', '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['script.exe', 'application/octet-stream', null],
    ['page.html', 'text/html', null],
    ['fake.pdf', 'text/html', null],
    ['noextension', 'application/pdf', null],
  ])('%s declared as "%s" → %s', (name, declared, expected) => {
    expect(allowedMediaType(name, declared)).toBe(expected);
  });
});

describe('storeContent', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('stores content under its SHA-256 once, whatever the number of uploads', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bihuan-store-'));
    dirs.push(dir);
    const first = await storeContent(dir, Readable.from([Buffer.from('evidence')]));
    const second = await storeContent(dir, Readable.from([Buffer.from('evidence')]));
    expect(first).toEqual({ sha256: createHash('sha256').update('evidence').digest('hex'), size: 8 });
    expect(second).toEqual(first);
    expect(await readFile(contentPath(dir, first.sha256), 'utf8')).toBe('evidence');
  });
});
