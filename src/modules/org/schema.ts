import { z } from 'zod';
import { UNIT_CODE_PATTERN } from './codes.ts';

const isoDate = z.iso.date().describe('A date, YYYY-MM-DD');

export const unitCodeParam = z.object({
  code: z
    .string()
    .regex(UNIT_CODE_PATTERN, 'a 2, 4, 6, 9 or 12-digit division code, or a department code like 140900000000-001')
    .describe('Division code in full (140929000000) or short form (140929), or a department code'),
});

export const asOfQuery = z.object({
  asOf: isoDate.optional().describe('See the tree as it stood on this day; default: as it stands now'),
});

export const childrenQuery = asOfQuery.extend({
  includeEnded: z.enum(['true', 'false']).optional().describe('Also list merged and abolished units'),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(50).optional().describe('Part of a name, or the beginning of a code'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const orgUnit = z
  .object({
    code: z.string().describe('12-digit GB/T 2260 code for divisions, <division>-NNN for departments'),
    shortCode: z.string().describe('The short form people write: 1409 for Xinzhou'),
    name: z.string(),
    kind: z.enum(['division', 'department']),
    level: z.number().int().min(1).max(5).nullable().describe('1 province … 5 village; null for departments'),
    category: z.enum(['department', 'centre', 'team']).nullable(),
    parentCode: z.string().nullable(),
    childCount: z.number().int(),
    establishedOn: z.string(),
    endedOn: z.string().nullable(),
    endKind: z.enum(['merged', 'abolished']).nullable(),
    mergedIntoCode: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnitDto = z.infer<typeof orgUnit>;

export const orgUnitChange = z.object({
  id: z.string(),
  change: z.enum(['established', 'renamed', 'moved', 'merged', 'abolished']),
  effectiveOn: z.string(),
  reason: z.string(),
  oldName: z.string().nullable(),
  newName: z.string().nullable(),
  oldParentCode: z.string().nullable(),
  newParentCode: z.string().nullable(),
  mergedIntoCode: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

const reason = z.string().trim().min(2).max(500).describe('Why: the decision, document number or meeting');
const version = z.number().int().min(1).describe('The version you saw; a stale one answers 409');

export const renameBody = z.object({ name: z.string().trim().min(1).max(100), effectiveOn: isoDate, reason, version });
export const mergeBody = z.object({
  intoCode: z.string().regex(UNIT_CODE_PATTERN),
  effectiveOn: isoDate,
  reason,
  version,
});
export const abolishBody = z.object({ effectiveOn: isoDate, reason, version });
export const createDepartmentBody = z.object({
  name: z.string().trim().min(1).max(100),
  category: z.enum(['department', 'centre', 'team']),
  establishedOn: isoDate,
  reason,
});

export const importDivisionsBody = z.object({
  prefix: z
    .union([z.string().regex(/^(\d{2}|\d{4}|\d{6})$/), z.literal('all')])
    .describe('A province (14), prefecture (1409) or county (140929) code, or "all" for the whole country'),
});
