import { useQuery } from '@tanstack/react-query';
import { Breadcrumb } from 'antd';
import type { MouseEvent } from 'react';
import { type AsOf, ancestorsQuery } from './org-queries.ts';
import { useOrgView } from './use-org-view.ts';

/** The path from the top of the user's scope down to the unit; each step opens that unit. */
export function UnitBreadcrumb({ code, asOf }: { code: string; asOf: AsOf }) {
  const { selectUnit } = useOrgView();
  const ancestors = useQuery(ancestorsQuery(code, asOf));
  const path = ancestors.data ?? [];
  return (
    <Breadcrumb
      items={path.map((unit, index) =>
        index === path.length - 1
          ? { key: unit.code, title: unit.name }
          : {
              key: unit.code,
              title: unit.name,
              href: '#',
              onClick: (event: MouseEvent) => {
                event.preventDefault();
                selectUnit(unit.code);
              },
            },
      )}
    />
  );
}
