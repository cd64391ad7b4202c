import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { searchQuery } from './org-queries.ts';

/** Search-as-you-type over units by name or code prefix, asking the server once typing pauses. */
export function useUnitSearch() {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const result = useQuery({ ...searchQuery(q), placeholderData: keepPreviousData });
  return {
    search: setText,
    query: q,
    units: q ? (result.data ?? []) : [],
    searching: result.isFetching || text.trim() !== q,
  };
}
