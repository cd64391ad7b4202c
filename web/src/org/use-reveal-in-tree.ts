import { useQuery } from '@tanstack/react-query';
import { type Dispatch, type SetStateAction, useEffect, useRef } from 'react';
import { type AsOf, ancestorsQuery } from './org-queries.ts';

/**
 * When a unit is picked from outside the tree (search, breadcrumb, a link), opens every level above it and
 * reports which key the tree should scroll to once that branch has loaded.
 */
export function useRevealInTree(
  selectedCode: string | undefined,
  asOf: AsOf,
  setExpanded: Dispatch<SetStateAction<string[]>>,
) {
  const ancestors = useQuery({ ...ancestorsQuery(selectedCode ?? '', asOf), enabled: selectedCode !== undefined });
  const revealed = useRef<string | undefined>(undefined);
  const pendingScroll = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!selectedCode || !ancestors.data || revealed.current === selectedCode) return;
    revealed.current = selectedCode;
    pendingScroll.current = selectedCode;
    const above = ancestors.data.map((unit) => unit.code).filter((code) => code !== selectedCode);
    setExpanded((expanded) => [...new Set([...expanded, ...above])]);
  }, [selectedCode, ancestors.data, setExpanded]);

  return pendingScroll;
}
