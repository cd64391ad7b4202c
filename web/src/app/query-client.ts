import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';
import { sessionQueryKey } from '../auth/session-queries.ts';

/** A 401 on any call means the session ended elsewhere: forget it, and the session guard sends the user to sign in. */
function forgetSessionOnUnauthenticated(error: unknown) {
  if (isApiError(error, 'UNAUTHENTICATED')) queryClient.setQueryData(sessionQueryKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetSessionOnUnauthenticated }),
  mutationCache: new MutationCache({ onError: forgetSessionOnUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !isApiError(error) && failures < 2,
    },
  },
});
