import { z } from 'zod';

const nodeId = z.string().regex(/^\d{1,18}$/, 'a numeric id');

export const nodeParams = z.object({ id: nodeId });

export const moveNodeBody = z.object({
  parentId: nodeId.nullable().describe('The new parent in the same plan; null for the top level'),
  beforeId: nodeId
    .nullable()
    .default(null)
    .describe('The sibling (under the new parent) to move in front of; null to move to the end'),
  version: z.number().int().min(1).describe('The version you saw; a stale one answers 409'),
});

export const deleteNodeQuery = z.object({
  version: z.coerce.number().int().min(1).describe('The version you saw; a stale one answers 409'),
});
