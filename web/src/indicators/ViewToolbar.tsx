import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { indicatorsQuery } from './indicator-queries.ts';
import type { IndicatorView } from './use-indicator-view.ts';

/** Unit, period and (optionally) indicator pickers shared by the indicator screens. */
export function ViewToolbar({ view, withIndicator = true }: { view: IndicatorView; withIndicator?: boolean }) {
  const { t, i18n } = useTranslation();
  const indicators = useQuery(indicatorsQuery());
  return (
    <Space wrap>
      <OrgUnitSelect
        value={view.unit}
        known={view.knownUnits}
        onChange={(code) => code && view.setUnit(code)}
        style={{ width: 240 }}
        placeholder={t('indicators.unit')}
      />
      <Input
        aria-label={t('indicators.period')}
        data-testid="period"
        value={view.period}
        onChange={(event) => view.setPeriod(event.target.value.trim())}
        style={{ width: 120 }}
        placeholder="2021 / 2021Q3 / 2021-07"
      />
      {withIndicator && (
        <Select
          aria-label={t('indicators.indicator')}
          showSearch
          optionFilterProp="label"
          value={view.indicator}
          onChange={view.setIndicator}
          style={{ width: 280 }}
          options={(indicators.data ?? []).map((i) => ({
            value: i.code,
            label: `${i18n.language === 'en' ? i.nameEn : i.nameZh} (${i.code})`,
          }))}
        />
      )}
    </Space>
  );
}
