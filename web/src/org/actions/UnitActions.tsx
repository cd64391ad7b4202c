import { DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types.ts';
import { useCan } from '../../auth/session-queries.ts';
import { orgKeys, useOrgWrite } from '../org-queries.ts';
import { AbolishModal } from './AbolishModal.tsx';
import { AddDepartmentModal } from './AddDepartmentModal.tsx';
import { MergeModal } from './MergeModal.tsx';
import { RenameModal } from './RenameModal.tsx';
import type { UnitActionProps } from './unit-action-props.ts';

type Action = 'rename' | 'merge' | 'abolish' | 'addDepartment';

/** The changes a manager may make to a unit still in force, each through its own dated form. */
export function UnitActions({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const canManage = useCan('org.manage');
  const queryClient = useQueryClient();
  const write = useOrgWrite();
  const [open, setOpen] = useState<Action>();
  if (!canManage || unit.endedOn) return null;

  const modalProps = (action: Action): UnitActionProps => ({
    unit,
    open: open === action,
    write: write.mutateAsync,
    onReload: () => void queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    onClose: () => setOpen(undefined),
  });

  return (
    <>
      <Space wrap>
        <Button icon={<EditOutlined />} onClick={() => setOpen('rename')}>
          {t('org.actions.rename.button')}
        </Button>
        {unit.kind === 'division' && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen('addDepartment')}>
            {t('org.actions.addDepartment.button')}
          </Button>
        )}
        <Button icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')}>
          {t('org.actions.merge.button')}
        </Button>
        <Button danger icon={<DeleteOutlined />} onClick={() => setOpen('abolish')}>
          {t('org.actions.abolish.button')}
        </Button>
      </Space>
      <RenameModal {...modalProps('rename')} />
      <AddDepartmentModal {...modalProps('addDepartment')} />
      <MergeModal {...modalProps('merge')} />
      <AbolishModal {...modalProps('abolish')} />
    </>
  );
}
