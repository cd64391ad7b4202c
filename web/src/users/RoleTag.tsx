import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types.ts';

const roleColors: Record<Role, string> = {
  admin: 'red',
  leader: 'gold',
  supervisor: 'orange',
  staff: 'blue',
  clerk: 'cyan',
  auditor: 'purple',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={roleColors[role]} style={{ marginInlineEnd: 0 }}>
      {t(`roles.${role}`)}
    </Tag>
  );
}
