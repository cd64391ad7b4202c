import { useSearchParams } from 'react-router';

type Changes = Record<string, string | null | undefined>;

/**
 * The page's URL parameters, and a way to change some of them (an empty value removes one). A change starts
 * from the URL as it is now, not as it was at the last render: React renders a navigation as a transition, and
 * a filter set while the previous one is still rendering would otherwise drop it.
 */
export function useUrlParams(): [URLSearchParams, (changes: Changes) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Changes) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return [params, update];
}
