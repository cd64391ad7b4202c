import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { NewUserBody, UserPatchBody } from '../api/types.ts';
import { auditKeys } from '../audit/audit-queries.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
  roles: ['users', 'roles'] as const,
};

export const usersQuery = (q: string) =>
  queryOptions({
    queryKey: userKeys.list(q),
    queryFn: async () => (await dataOf(api.GET('/api/users', { params: { query: { q: q || undefined } } }))).items,
  });

export const userQuery = (id: number) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: () => dataOf(api.GET('/api/users/{id}', { params: { path: { id } } })),
  });

export const rolesQuery = () =>
  queryOptions({
    queryKey: userKeys.roles,
    queryFn: async () => (await dataOf(api.GET('/api/roles'))).items,
    staleTime: Infinity,
  });

/** After any account change: the list, and the audit trail that recorded it. */
function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

export function useCreateUser() {
  const onSuccess = useRefreshAfterWrite();
  return useMutation({ mutationFn: (body: NewUserBody) => dataOf(api.POST('/api/users', { body })), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserPatchBody }) =>
      dataOf(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      dataOf(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { newPassword } })),
    onSuccess,
  });
}
