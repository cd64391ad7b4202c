import { SearchOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types.ts';
import { SearchNotFound } from './SearchNotFound.tsx';
import { UnitOptionLabel } from './UnitOptionLabel.tsx';
import { useUnitSearch } from './use-unit-search.ts';

type Option = { value: string; label: string; unit: OrgUnit };

/** Finds a unit anywhere in the user's scope and opens it. */
export function OrgSearchBox({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const { search, query, units, searching } = useUnitSearch();
  return (
    <Select<string | null, Option>
      aria-label={t('org.search.placeholder')}
      value={null}
      placeholder={t('org.search.placeholder')}
      suffixIcon={<SearchOutlined />}
      showSearch={{ filterOption: false, onSearch: search }}
      options={units.map((unit) => ({ value: unit.code, label: unit.name, unit }))}
      optionRender={({ data }) => <UnitOptionLabel unit={data.unit} />}
      notFoundContent={<SearchNotFound query={query} searching={searching} />}
      onSelect={(code) => {
        if (!code) return;
        search('');
        onPick(code);
      }}
      style={{ width: '100%' }}
    />
  );
}
