import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types.ts';
import { unitQuery } from './org-queries.ts';
import { SearchNotFound } from './SearchNotFound.tsx';
import { UnitOptionLabel } from './UnitOptionLabel.tsx';
import { useUnitSearch } from './use-unit-search.ts';

type NamedUnit = { code: string; name: string };
type Option = { value: string; label: string; unit?: OrgUnit };
type Common = {
  /** Units already chosen, so their names show before any search (a single value is looked up otherwise). */
  known?: NamedUnit[];
  /** Leaves out search hits the user may not pick. */
  allow?: (unit: OrgUnit) => boolean;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
};
type Props = Common &
  (
    | { multiple: true; value?: string[]; onChange?: (codes: string[]) => void }
    | { multiple?: false; value?: string; onChange?: (code: string | undefined) => void }
  );

/** A form control picking one or several units by searching their names or codes. */
export function OrgUnitSelect(props: Props) {
  const { t } = useTranslation();
  const { search, query, units, searching } = useUnitSearch();
  // Names of units picked from earlier searches, so a choice keeps its name when the next search replaces the hits.
  const [picked, setPicked] = useState<NamedUnit[]>([]);
  const hits = units.filter((unit) => props.allow?.(unit) ?? true);
  const hitCodes = new Set(hits.map((unit) => unit.code));
  const remembered = new Map([...(props.known ?? []), ...picked].map((unit) => [unit.code, unit.name]));
  // A single value from the address or a drill-down, in any form of its code, shows its unit's name.
  const single = props.multiple ? undefined : props.value;
  const named = useQuery({
    ...unitQuery(single ?? '', undefined),
    enabled: single !== undefined && !remembered.has(single),
  });
  if (single !== undefined && named.data && !remembered.has(single)) remembered.set(single, named.data.name);
  const options: Option[] = [
    ...[...remembered].filter(([code]) => !hitCodes.has(code)).map(([code, name]) => ({ value: code, label: name })),
    ...hits.map((unit) => ({ value: unit.code, label: unit.name, unit })),
  ];
  const remember = (codes: string[]) =>
    setPicked((before) => [...before, ...hits.filter((unit) => codes.includes(unit.code))]);

  const common = {
    id: props.id,
    placeholder: props.placeholder ?? t('org.search.placeholder'),
    showSearch: { filterOption: false, onSearch: search },
    options,
    optionRender: ({ data }: { data: Option }) => (data.unit ? <UnitOptionLabel unit={data.unit} /> : data.label),
    notFoundContent: <SearchNotFound query={query} searching={searching} />,
    allowClear: true,
    style: { width: '100%', ...props.style },
  };
  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<string[], Option>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(codes) => {
          remember(codes);
          onChange?.(codes);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<string, Option>
      {...common}
      value={props.value}
      onChange={(code) => {
        remember(code ? [code] : []);
        onChange?.(code);
      }}
    />
  );
}
