import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session-queries.ts';
import { ImportDivisionsModal } from './ImportDivisionsModal.tsx';

/** For org managers (administrators, who act over the whole country): loads national divisions into the tree. */
export function ImportDivisionsButton() {
  const { t } = useTranslation();
  const canManage = useCan('org.manage');
  const [open, setOpen] = useState(false);
  if (!canManage) return null;
  return (
    <>
      <Button block icon={<CloudDownloadOutlined />} onClick={() => setOpen(true)}>
        {t('org.import.button')}
      </Button>
      <ImportDivisionsModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
