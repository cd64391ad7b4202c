import {
  ApartmentOutlined,
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { OrgUnit } from '../api/types.ts';

/** Divisions by level (villages get a house), departments by category. */
export function UnitIcon({ unit }: { unit: Pick<OrgUnit, 'kind' | 'level' | 'category'> }) {
  if (unit.kind === 'department') {
    if (unit.category === 'team') return <TeamOutlined style={{ color: '#d46b08' }} />;
    if (unit.category === 'centre') return <ClusterOutlined style={{ color: '#08979c' }} />;
    return <BankOutlined style={{ color: '#531dab' }} />;
  }
  if (unit.level === 5) return <HomeOutlined style={{ color: '#8c8c8c' }} />;
  if (unit.level === 4) return <EnvironmentOutlined style={{ color: '#389e0d' }} />;
  return <ApartmentOutlined style={{ color: '#1d5fbf' }} />;
}
