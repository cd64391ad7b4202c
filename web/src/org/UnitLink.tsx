import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { unitQuery } from './org-queries.ts';
import { useOrgView } from './use-org-view.ts';

/** A unit named by its code, shown by its current name, opening it on the org page. */
export function UnitLink({ code }: { code: string }) {
  const { selectUnit } = useOrgView();
  const unit = useQuery(unitQuery(code, undefined));
  return <Typography.Link onClick={() => selectUnit(code)}>{unit.data?.name ?? code}</Typography.Link>;
}
