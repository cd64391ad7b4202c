import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import { openFile, uploadFile } from './service.ts';
import { FILE_LIMIT_BYTES } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where evidence files are stored, content-addressed. */
    filesDir: string;
  }
}

const tags = ['files'];
export const storedFile = z
  .object({ sha256: z.string(), size: z.number().int(), mediaType: z.string(), name: z.string() })
  .meta({ id: 'StoredFile' });

export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: FILE_LIMIT_BYTES, files: 1, fields: 5 },
    throwFileSizeLimit: false,
  });

  app.post(
    '/api/files',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: `Upload one evidence file (multipart field "file"; PDF, JPEG, PNG, DOCX, XLSX; at most ${FILE_LIMIT_BYTES / 1024 / 1024} MB). Stored under its SHA-256, never overwritten`,
        consumes: ['multipart/form-data'],
        response: { 201: storedFile, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('FILE_MISSING', {}, [{ field: 'file', code: 'FILE_MISSING', message: 'file' }]);
      const stored = await uploadFile(request.ctx, {
        filesDir: app.filesDir,
        fileName: part.filename,
        declaredType: part.mimetype,
        content: part.file,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'Download an evidence file you may see',
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 200: z.any().describe('The file content'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const file = await openFile(request.ctx, { filesDir: app.filesDir, sha256: request.params.sha256 });
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );
};
