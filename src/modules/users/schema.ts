import { z } from 'zod';
import { permissions, roles } from '../auth/permissions.ts';
import { UNIT_CODE_PATTERN } from '../org/codes.ts';

export const userIdParam = z.object({ id: z.coerce.number().int().positive() });
export const userListQuery = z.object({ q: z.string().trim().max(64).optional() });

const scopeCodes = z
  .array(z.string().regex(UNIT_CODE_PATTERN))
  .max(50)
  .describe('Org units whose subtrees the user may act in (ignored for administrators, who see everything)');

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  locale: z.enum(['zh-CN', 'en']),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number().int(),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,64}$/, '3–64 letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
  role: z.enum(roles),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  scopes: scopeCodes.default([]),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(roles).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  active: z.boolean().optional(),
  scopes: scopeCodes.optional(),
  version: z.number().int().min(1),
});

export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(256) });

export const roleInfo = z.object({ role: z.enum(roles), permissions: z.array(z.enum(permissions)) });
