import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { householdsQuery } from './registry-queries.ts';

type Props = {
  /** The household number chosen. */
  value?: string;
  onChange?: (number: string | undefined) => void;
  /** A household that may not be picked (the one the member leaves). */
  exceptId?: string;
  id?: string;
};

/**
 * Picks a household in the user's scope by searching its number or a member's name (the households list
 * does the searching and the scoping); the value is the household number.
 */
export function HouseholdSelect({ value, onChange, exceptId, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const hits = useQuery({ ...householdsQuery({ q, offset: 0, limit: 20 }), enabled: q.length > 0 });
  const options = (q.length > 0 ? (hits.data?.items ?? []) : [])
    .filter((household) => household.id !== exceptId)
    .map((household) => ({
      value: household.number,
      label: `${household.number} ${household.headName ?? '—'} · ${household.villageName}`,
    }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t('registry.changeRequests.toHouseholdSearch')}
      options={value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : q ? t('registry.changeRequests.noHousehold') : null}
    />
  );
}
