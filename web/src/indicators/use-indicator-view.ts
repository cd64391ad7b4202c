import { useState } from 'react';
import { useCurrentUser } from '../auth/session-queries.ts';
import { currentPeriods } from './indicator-queries.ts';

/** The unit, period and indicator a screen looks at; starts at the top of the user's scope. */
export function useIndicatorView(defaults: { indicator?: string; period?: string } = {}) {
  const user = useCurrentUser();
  const [unit, setUnit] = useState(user.scopes[0]?.code ?? '140900000000');
  const [period, setPeriod] = useState(defaults.period ?? currentPeriods().month);
  const [indicator, setIndicator] = useState(defaults.indicator ?? 'economy.gdp');
  return { unit, setUnit, period, setPeriod, indicator, setIndicator, knownUnits: user.scopes };
}
export type IndicatorView = ReturnType<typeof useIndicatorView>;
