import type { UserListRow } from './queries.ts';

export function presentUser(row: UserListRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as 'admin',
    locale: row.locale,
    active: row.active,
    lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    scopes: row.scopes.map((s) => ({ code: s.code, name: s.name })),
    version: row.version,
  };
}
