import { CameraOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { echarts } from './echarts.ts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cellColumns } from './export-excel.ts';
import { ExportButton } from './ExportButton.tsx';

/** The figures a chart shows, as a table to export. */
export type ChartTable = { columns: string[]; rows: (string | number | null)[][] };

type Props = {
  option: echarts.EChartsCoreOption;
  height?: number;
  /** Name of the PNG the export button downloads. */
  name: string;
  onClick?: (params: { name: string; dataIndex: number }) => void;
  table: ChartTable;
};

/** One ECharts chart that follows its option and its container's size, with a PNG and an Excel export. */
export function EChart({ option, height = 280, name, onClick, table }: Props) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (params: unknown) => onClick(params as { name: string; dataIndex: number });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);
  const exportPng = () => {
    const link = document.createElement('a');
    link.href = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? '';
    link.download = `${name}.png`;
    link.click();
  };
  return (
    <div style={{ position: 'relative' }}>
      <Space size={0} style={{ position: 'absolute', right: 0, top: 0, zIndex: 1 }}>
        <Button
          size="small"
          type="text"
          icon={<CameraOutlined />}
          title={t('common.exportPng')}
          aria-label={t('common.exportPng')}
          onClick={exportPng}
        />
        <ExportButton compact name={name} columns={cellColumns(table.columns)} rows={table.rows} />
      </Space>
      <div ref={element} style={{ height, width: '100%' }} />
    </div>
  );
}
