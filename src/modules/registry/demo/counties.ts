import { COUNTY_EXIT_YEARS, MOUNTAIN_POVERTY_COUNTY_NAMES, type RELATIVE_INCIDENCE } from './calibration.ts';
import { byCode } from './ordering.ts';
import type { Random } from './random.ts';
import type { DemoVillageInput } from './types.ts';

/** Where a county stands in the campaign; it sets the county's incidence and the pace of its exits. */
export type CountyGroup = keyof typeof RELATIVE_INCIDENCE;

export type CountyPlan = {
  code: string;
  name: string;
  /** A national poverty county in the mountains: the only kind that exits, and where villages relocate. */
  mountain: boolean;
  group: CountyGroup;
  /** The year whose end-of-year incidence the county's exit was judged by; `null` if not exited by 2018. */
  exitYear: number | null;
};

/**
 * The counties of the village list, with the exited ones drawn from the seed among the poverty counties:
 * the first drawn exits on 2017's figures, the others on 2018's (`COUNTY_EXIT_YEARS`).
 */
export function planCounties(random: Random, villages: readonly DemoVillageInput[]): Map<string, CountyPlan> {
  const counties = new Map<string, CountyPlan>();
  for (const village of villages) {
    if (counties.has(village.countyCode)) continue;
    const mountain = MOUNTAIN_POVERTY_COUNTY_NAMES.includes(village.countyName);
    counties.set(village.countyCode, {
      code: village.countyCode,
      name: village.countyName,
      mountain,
      group: mountain ? 'otherPoverty' : 'nonPoverty',
      exitYear: null,
    });
  }
  const candidates = [...counties.values()].filter((county) => county.mountain).sort(byCode);
  if (candidates.length < COUNTY_EXIT_YEARS.length) {
    throw new RangeError(`${COUNTY_EXIT_YEARS.length} counties must exit, but only ${candidates.length} are poor`);
  }
  random.shuffle(candidates).forEach((county, index) => {
    const exitYear = COUNTY_EXIT_YEARS[index];
    if (exitYear === undefined) return;
    county.group = 'exitedPoverty';
    county.exitYear = exitYear;
  });
  return counties;
}
