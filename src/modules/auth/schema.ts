import { z } from 'zod';
import { permissions, roles } from './permissions.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  locale: z.enum(['zh-CN', 'en']),
  permissions: z.array(z.enum(permissions)),
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const sessionResponse = z.object({
  user: sessionUser,
  csrfToken: z.string().describe('Send it back as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE.'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const okResponse = z.object({ ok: z.literal(true) });
