import { z } from 'zod';
import { UNIT_CODE_PATTERN } from '../org/codes.ts';

export const auditQuery = z.object({
  actor: z.string().trim().max(64).optional().describe('Username'),
  unit: z.string().regex(UNIT_CODE_PATTERN).optional().describe('Only records about this unit and its subtree'),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: z.string().regex(/^\d+$/).optional().describe('Cursor: records older than this id'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditRecord = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitPath: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  hash: z.string(),
});

export const auditPage = z.object({ items: z.array(auditRecord), nextCursor: z.string().nullable() });

export const chainVerdict = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  badRecordId: z.string().nullable().optional(),
  reason: z.enum(['edited', 'deleted_or_reordered', 'tail_deleted']).optional(),
});
