import { useUrlParams } from '../common/use-url-params.ts';
import type { AsOf } from './org-queries.ts';

/**
 * What the org page shows lives in the address (?unit=&asOf=&ended=1), so a view can be bookmarked, shared
 * and walked back with the browser's back button.
 */
export function useOrgView() {
  const [params, update] = useUrlParams();

  return {
    unitCode: params.get('unit') ?? undefined,
    asOf: (params.get('asOf') ?? undefined) as AsOf,
    includeEnded: params.get('ended') === '1',
    selectUnit: (code: string) => update({ unit: code }),
    setAsOf: (asOf: AsOf) => update({ asOf }),
    setIncludeEnded: (include: boolean) => update({ ended: include ? '1' : undefined }),
  };
}
