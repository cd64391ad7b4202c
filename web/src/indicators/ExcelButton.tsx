import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadExcel } from './export-excel.ts';

type Props = {
  /** The file name, without `.xlsx`. */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** A small icon-only button, for a widget's corner. */
  compact?: boolean;
};

/** Downloads the table a user reads as an Excel file. */
export function ExcelButton({ name, columns, rows, compact = false }: Props) {
  const { t } = useTranslation();
  const label = t('indicators.exportExcel');
  return (
    <Button
      size={compact ? 'small' : undefined}
      type={compact ? 'text' : undefined}
      icon={<DownloadOutlined />}
      title={label}
      aria-label={label}
      disabled={rows.length === 0}
      onClick={() => void downloadExcel(name, columns, rows)}
    >
      {compact ? null : label}
    </Button>
  );
}
