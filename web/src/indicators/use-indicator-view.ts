import { useState } from 'react';
import { useCurrentUser } from '../auth/session-queries.ts';
import { currentPeriods } from './indicator-queries.ts';

/**
 * The unit, period and indicator a screen looks at: from the address (`?unit=&period=&indicator=`, so a
 * figure can be linked), else the top of the user's scope.
 */
export function useIndicatorView(defaults: { indicator?: string; period?: string } = {}) {
  const user = useCurrentUser();
  const [linked] = useState(() => new URLSearchParams(window.location.search));
  const [unit, setUnit] = useState(linked.get('unit') ?? user.scopes[0]?.code ?? '140900000000');
  const [period, setPeriod] = useState(linked.get('period') ?? defaults.period ?? currentPeriods().month);
  const [indicator, setIndicator] = useState(linked.get('indicator') ?? defaults.indicator ?? 'economy.gdp');
  return { unit, setUnit, period, setPeriod, indicator, setIndicator, knownUnits: user.scopes };
}
export type IndicatorView = ReturnType<typeof useIndicatorView>;
