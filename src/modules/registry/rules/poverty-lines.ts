import { divisionLevel, normalizeUnitCode, shortDivisionCode } from '../../org/codes.ts';

/**
 * Lines that differ by year and province are settings with a dated history, never constants (domain.md).
 * An entry without a region is national; a region is a division code ('14' Shanxi, '1409' Xinzhou, or the
 * same padded to 12 digits) and covers every unit beneath it.
 */
export type DatedSetting<T> = { effectiveFrom: string; value: T; region?: string };

/**
 * The entry that governs `date` in `region`: among those already in force, the most specific region wins
 * (a province's own line overrides the national one, however old), then the latest `effectiveFrom`; between
 * two entries alike in both, the one listed later, because the history is append-only and a later entry is
 * a correction. `undefined` when nothing was in force yet.
 */
export function settingFor<T>(
  history: readonly DatedSetting<T>[],
  date: string,
  region?: string,
): DatedSetting<T> | undefined {
  const place = region === undefined ? '' : shortRegion(region);
  let chosen: { entry: DatedSetting<T>; specificity: number } | undefined;
  for (const entry of history) {
    const scope = entry.region === undefined ? '' : shortRegion(entry.region);
    if (entry.effectiveFrom > date || !place.startsWith(scope)) continue;
    const outranks =
      !chosen ||
      scope.length > chosen.specificity ||
      (scope.length === chosen.specificity && entry.effectiveFrom >= chosen.entry.effectiveFrom);
    if (outranks) chosen = { entry, specificity: scope.length };
  }
  return chosen?.entry;
}

/** The setting for a whole year (an income year, a monitoring year): the one in force on its last day. */
export function settingForYear<T>(
  history: readonly DatedSetting<T>[],
  year: number,
  region?: string,
): DatedSetting<T> | undefined {
  return settingFor(history, `${String(year).padStart(4, '0')}-12-31`, region);
}

/** '140000000000' and '14' both become '14', so that containment is a prefix test. */
function shortRegion(code: string): string {
  const full = normalizeUnitCode(code);
  return shortDivisionCode(full, divisionLevel(full));
}

// Seed data for a new deployment. These are defaults only: the stored histories are what the rules read,
// and an administrator corrects or extends them (a province's own line, next year's figure) without a release.

/**
 * The national poverty standard: 2,300 yuan per person per year at 2010 prices, announced in November 2011
 * and applied to incomes from 2011. The yearly current-price lines below are this standard re-priced.
 */
export const DEFAULT_POVERTY_STANDARD_AT_2010_PRICES: readonly DatedSetting<number>[] = [
  { effectiveFrom: '2011-01-01', value: 2300 },
];

/**
 * The poverty line at current prices, yuan per person per year, as commonly cited from the National Bureau
 * of Statistics' rural poverty monitoring. A year's line judges that year's income (see `settingForYear`);
 * 2013's is the one the 2014 identification compared 2013 incomes with; 2020's is the rounded "about 4,000".
 */
export const DEFAULT_POVERTY_LINES: readonly DatedSetting<number>[] = [
  { effectiveFrom: '2011-01-01', value: 2536 },
  { effectiveFrom: '2012-01-01', value: 2625 },
  { effectiveFrom: '2013-01-01', value: 2736 },
  { effectiveFrom: '2014-01-01', value: 2800 },
  { effectiveFrom: '2015-01-01', value: 2855 },
  { effectiveFrom: '2016-01-01', value: 2952 },
  { effectiveFrom: '2017-01-01', value: 2952 },
  { effectiveFrom: '2018-01-01', value: 2995 },
  { effectiveFrom: '2019-01-01', value: 3218 },
  { effectiveFrom: '2020-01-01', value: 4000 },
];

/**
 * The relapse-monitoring line, yuan per person per year, set by each province each year. The national
 * default is the example of 1.5 × the 2020 poverty line; Shanxi's (14) 7,500 for 2024 is the example of a
 * province's own line. Other provinces and years are entered by their administrators.
 */
export const DEFAULT_MONITORING_LINES: readonly DatedSetting<number>[] = [
  { effectiveFrom: '2020-01-01', value: 6000 },
  { effectiveFrom: '2024-01-01', value: 7500, region: '14' },
];
