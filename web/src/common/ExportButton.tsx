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
  /** A small icon-only button, for a chart's or widget's corner. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const label = t('common.exportExcel');
  return (
    <Button
      size={props.compact ? 'small' : undefined}
      type={props.compact ? 'text' : undefined}
      title={label}
      aria-label={label}
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={props.rows.length === 0}
      onClick={() => {
        setBusy(true);
        void exportXlsx(props.name, props.columns, props.rows).finally(() => setBusy(false));
      }}
    >
      {props.compact ? null : label}
    </Button>
  );
}
