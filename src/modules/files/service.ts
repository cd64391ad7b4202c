import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, can } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import type { Permission } from '../auth/permissions.ts';
import { findStoredFile, insertStoredFile, linksOf } from './queries.ts';
import { allowedMediaType, contentPath, FILE_LIMIT_BYTES, storeContent } from './store.ts';
import { fileOwnerVisible } from './visibility.ts';

/** Anyone who records evidence may upload: reports, inspections, decisions, exemptions and bonus claims. */
const UPLOADERS: readonly Permission[] = ['tasks.work', 'tasks.supervise', 'plans.manage', 'assessment.apply'];

export async function uploadFile(
  ctx: ServiceContext,
  options: { filesDir: string; fileName: string; declaredType: string; content: Readable & { truncated?: boolean } },
) {
  assertCan(ctx.access, UPLOADERS.find((permission) => can(ctx.access, permission)) ?? 'tasks.work');
  const mediaType = allowedMediaType(options.fileName, options.declaredType);
  if (!mediaType) {
    options.content.resume();
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { type: options.declaredType || options.fileName });
  }
  const stored = await storeContent(options.filesDir, options.content, () => {
    if (options.content.truncated) throw new AppError('FILE_TOO_LARGE', { limit: FILE_LIMIT_BYTES / 1024 / 1024 });
  });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await insertStoredFile(tx, { ...stored, mediaType, userId: ctx.actor.userId, at: now });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'file.uploaded',
        entity: 'stored_file',
        entityId: stored.sha256,
        after: { size: stored.size, mediaType, name: options.fileName },
      },
      now,
    );
  });
  return { sha256: stored.sha256, size: stored.size, mediaType, name: options.fileName };
}

/** A file can be read by whoever uploaded it or may see a record it is evidence for. */
export async function openFile(ctx: ServiceContext, options: { filesDir: string; sha256: string }) {
  const file = await findStoredFile(ctx.db, options.sha256);
  if (!file) throw new AppError('FILE_NOT_FOUND', { sha256: options.sha256 });
  const links = await linksOf(ctx.db, options.sha256);
  const visible =
    file.uploaded_by === ctx.access.userId ||
    (await Promise.all(links.map((link) => fileOwnerVisible(ctx, link)))).some(Boolean);
  if (!visible) throw new AppError('FILE_NOT_FOUND', { sha256: options.sha256 });
  return {
    mediaType: file.media_type,
    name: links[0]?.file_name ?? options.sha256,
    stream: createReadStream(contentPath(options.filesDir, options.sha256)),
  };
}
