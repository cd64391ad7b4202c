import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';
import { api, dataOf, rememberCsrfToken } from '../api/client.ts';
import type { Permission, Session, SessionUser } from '../api/types.ts';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await dataOf(api.GET('/api/auth/me'));
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Infinity });
}

/** The user behind the session guard; only pages under the guard may ask. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser() called outside the session guard');
  return data.user;
}

export function useCan(permission: Permission): boolean {
  return useCurrentUser().permissions.includes(permission);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => dataOf(api.POST('/api/auth/login', { body })),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => dataOf(api.POST('/api/auth/logout')),
    onSettled: () => {
      rememberCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      dataOf(api.POST('/api/auth/password', { body })),
  });
}
