import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SampleCheckBody } from '../api/types.ts';
import { FormModal } from '../forms/FormModal.tsx';
import { useRecordSampleCheck } from './registry-queries.ts';

type Values = Omit<SampleCheckBody, 'countyCode' | 'year' | 'recognition'> & { recognitionPercent: number };
const COUNTS = ['sampledExited', 'wronglyExited', 'sampledUnregistered', 'verifiedMissed'] as const;

/** Records one sample check of a county's exit assessment; the county's rates are recomputed from all of them. */
export function SampleCheckModal({
  county,
  onClose,
}: {
  county: { unitCode: string; unitName: string; year: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordSampleCheck();

  return (
    <FormModal<Values>
      open
      name="sampleCheck"
      title={t('registry.exits.sampleTitle', { name: county.unitName, year: county.year })}
      okText={t('registry.exits.recordSample')}
      submit={({ recognitionPercent, ...counts }) =>
        record.mutateAsync({
          countyCode: county.unitCode,
          year: county.year,
          ...counts,
          recognition: recognitionPercent / 100,
        })
      }
      onClose={onClose}
    >
      {COUNTS.map((name) => (
        <Form.Item key={name} name={name} label={t(`registry.exits.sample.${name}`)} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item name="recognitionPercent" label={t('registry.exits.sample.recognition')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} step={0.1} suffix="%" style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
