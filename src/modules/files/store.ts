import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Evidence files: PDFs, photos and office documents, up to 10 MB each. */
export const FILE_LIMIT_BYTES = 10 * 1024 * 1024;

const ALLOWED: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

/**
 * The media type a file is stored under, or null when it is not allowed: the extension decides (browsers
 * declare office files inconsistently), and a declared type that contradicts it is refused.
 */
export function allowedMediaType(fileName: string, declared: string): string | null {
  const extension = path.extname(fileName).toLowerCase();
  const byExtension = Object.entries(ALLOWED).find(([, extensions]) => extensions.includes(extension))?.[0];
  if (!byExtension) return null;
  const generic = declared === '' || declared === 'application/octet-stream';
  return generic || declared === byExtension ? byExtension : null;
}

/** Where a file's content lives: fanned out by the first two bytes of its hash. */
export function contentPath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Streams the content to a temporary file while hashing it, then links it in under its SHA-256. Linking
 * fails when the name exists, so stored content is never overwritten; the same content twice is stored once.
 */
export async function storeContent(
  filesDir: string,
  content: Readable,
  /** Called once the content is read and before it is kept; throwing discards it (e.g. when truncated). */
  check: () => void = () => undefined,
): Promise<{ sha256: string; size: number }> {
  const incoming = path.join(filesDir, 'incoming');
  await mkdir(incoming, { recursive: true });
  const temporary = path.join(incoming, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  content.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  try {
    await pipeline(content, createWriteStream(temporary, { flags: 'wx' }));
    check();
    const sha256 = hash.digest('hex');
    const target = contentPath(filesDir, sha256);
    await mkdir(path.dirname(target), { recursive: true });
    await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    return { sha256, size };
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
