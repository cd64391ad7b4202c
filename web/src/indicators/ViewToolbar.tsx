import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitQuery } from '../org/org-queries.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { indicatorsQuery } from './indicator-queries.ts';
import type { IndicatorView } from './use-indicator-view.ts';

/** Unit, period and (optionally) indicator pickers shared by the indicator screens. */
export function ViewToolbar({ view, withIndicator = true }: { view: IndicatorView; withIndicator?: boolean }) {
  const { t, i18n } = useTranslation();
  const indicators = useQuery(indicatorsQuery());
  // The unit's name shows even when it is outside the user's listed scopes (an administrator has none).
  const current = useQuery(unitQuery(view.unit, undefined));
  return (
    <Space wrap>
      <OrgUnitSelect
        // A short code in the address (?unit=1409) shows as the unit it names, under its full code.
        value={current.data?.code ?? view.unit}
        known={current.data ? [...view.knownUnits, current.data] : view.knownUnits}
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
