import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const RAG_COLOURS = { green: 'success', amber: 'warning', red: 'error' } as const;

export function RagTag({ rag }: { rag: 'green' | 'amber' | 'red' | null }) {
  const { t } = useTranslation();
  return rag ? <Tag color={RAG_COLOURS[rag]}>{t(`indicators.rags.${rag}`)}</Tag> : null;
}

/** A value, or why there is none. */
export function Figure({ value, reason }: { value: number | null; reason?: string | null }) {
  const { t, i18n } = useTranslation();
  if (value === null) {
    const known = ['NO_DATA', 'NUMERATOR_MISSING', 'DENOMINATOR_MISSING', 'DIVISION_BY_ZERO', 'SOURCE_UNAVAILABLE'];
    const key = reason && known.includes(reason) ? reason : 'NO_DATA';
    return <span style={{ color: '#999' }}>{t(`indicators.reasons.${key as 'NO_DATA'}`)}</span>;
  }
  return <span>{new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value)}</span>;
}

export const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
