import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportColumn, exportXlsx } from './export-excel.ts';

/** Downloads a table the user is reading as an .xlsx file: the one export of every data table in the app. */
export function ExportButton<Row>(props: {
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={props.rows.length === 0}
      onClick={() => {
        setBusy(true);
        void exportXlsx(props.name, props.columns, props.rows).finally(() => setBusy(false));
      }}
    >
      {t('common.exportExcel')}
    </Button>
  );
}
