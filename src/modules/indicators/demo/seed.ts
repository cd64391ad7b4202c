import type { ServiceContext } from '../../auth/context.ts';
import { createIndicator } from '../definitions.ts';
import { importValues } from '../import-values.ts';
import { divisionCodes, storedValuesOf } from '../queries.ts';
import { putTarget } from '../targets.ts';
import { headlineIndicators } from './headline-indicators.ts';

const YEARS = Array.from({ length: 10 }, (_, i) => 2012 + i);

/** City totals per year, 2012–2021, as the articles and yearbooks have them (亿元, %, 万千瓦, 人). */
type CitySeries = {
  gdp: number[];
  privateShare: number[];
  industryShare: number[];
  retail: number[];
  /** Only Xinzhou's articles quote these. */
  xinzhou?: { nonCoalShare: number[]; newEnergy: number[]; thermal: number[]; insuranceRate: number[] };
};

const XINZHOU: CitySeries = {
  gdp: [842.4, 860.1, 880.6, 680.3, 690.1, 930.5, 1010.2, 1030.9, 1037.6, 1276.5],
  privateShare: [42.1, 43.0, 44.2, 45.0, 46.1, 47.3, 48.2, 49.1, 49.6, 51.2],
  industryShare: [52, 50, 48, 40, 39, 42, 43, 42, 41, 44],
  retail: [300, 330, 360, 385, 410, 440, 470, 490, 480, 520],
  xinzhou: {
    nonCoalShare: [35.2, 36.8, 38.1, 39.5, 41.0, 43.2, 45.1, 47.0, 48.9, 50.6],
    newEnergy: [150, 210, 290, 380, 470, 560, 680, 790, 930, 1080],
    thermal: [1000, 1000, 1010, 1010, 1020, 1020, 1030, 1030, 1040, 1040],
    insuranceRate: [96.1, 96.5, 96.9, 97.2, 97.6, 97.9, 98.2, 98.5, 98.7, 98.98],
  },
};
const XINYANG: CitySeries = {
  gdp: [1550.2, 1700.5, 1860.3, 1950.1, 2037.8, 2210.3, 2387.8, 2758.6, 2805.7, 3064.94],
  privateShare: [50.2, 51.0, 52.1, 53.0, 53.5, 54.1, 54.8, 55.3, 55.9, 56.4],
  industryShare: [36, 36, 35, 34, 33, 32, 32, 31, 30, 30],
  retail: [560, 640, 720, 800, 890, 980, 1080, 1180, 1130, 1250],
};
const RURAL_POPULATION = 2_360_000;

/** Deterministic shares summing to 1: each unit's weight from its position, varying by a salt. */
function weights(count: number, salt: number): number[] {
  const raw = Array.from({ length: count }, (_, i) => 1 + ((i * 37 + salt * 11) % 17) / 10);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/** Splits a total over units so that the parts, rounded to `decimals`, add up to it exactly. */
function split(total: number, parts: number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  const rounded = parts.map((w) => Math.floor(w * total * scale) / scale);
  const rest = Math.round((total - rounded.reduce((a, b) => a + b, 0)) * scale) / scale;
  rounded[0] = Math.round(((rounded[0] ?? 0) + rest) * scale) / scale;
  return rounded;
}

/**
 * Ten years of the headline indicators for Xinzhou and Xinyang, entered where they are collected (counties
 * yearly and monthly, prefectures for air quality), through the product's own import so that roll-ups,
 * change log and alerts (the structural breakthroughs of 2021) come out as they would in use. City totals
 * reproduce the articles: Xinyang's GDP above CNY 300 bn in 2021, Xinzhou's rural cooperative medical
 * insurance participation 98.98%, non-coal industry and private economy crossing 50%, new-energy capacity
 * overtaking thermal, and Xinyang's good air-quality days first in Henan.
 */
export async function seedIndicatorDemo(ctx: ServiceContext & { connectionString: string }): Promise<void> {
  for (const definition of headlineIndicators) await createIndicator(ctx, definition);
  const lines: string[] = ['indicator,unit,period,category,value,comment'];
  const add = (indicator: string, unit: string, period: string, value: number) =>
    lines.push(`${indicator},${unit},${period},,${Number(value.toFixed(2))},`);

  const cities = [
    { code: '1409', series: XINZHOU, salt: 1 },
    { code: '4115', series: XINYANG, salt: 2 },
  ];
  for (const { code, series, salt } of cities) {
    const counties = await divisionCodes(ctx.db, code, 3);
    if (counties.length === 0) continue;
    YEARS.forEach((year, y) => {
      const gdp = series.gdp[y] as number;
      const industry = (gdp * (series.industryShare[y] as number)) / 100;
      const perCounty = (indicator: string, total: number, decimals: number, shift: number, period = String(year)) =>
        split(total, weights(counties.length, salt + shift), decimals).forEach((v, i) =>
          add(indicator, counties[i] as string, period, v),
        );
      perCounty('economy.gdp', gdp, 2, 0);
      perCounty('economy.private_value_added', Math.round(gdp * (series.privateShare[y] as number)) / 100, 2, 0);
      perCounty('industry.value_added', Math.round(industry * 100) / 100, 2, 0);
      const only = series.xinzhou;
      if (only) {
        perCounty('industry.non_coal_value_added', Math.round(industry * (only.nonCoalShare[y] as number)) / 100, 2, 0);
        perCounty('energy.new_energy_capacity', only.newEnergy[y] as number, 0, 3);
        perCounty('energy.thermal_capacity', only.thermal[y] as number, 0, 5);
        const insurable = RURAL_POPULATION + (YEARS.length - 1 - y) * 4_000;
        const insured = Math.round((insurable * (only.insuranceRate[y] as number)) / 100);
        const shares = weights(counties.length, 7);
        split(insurable, shares, 0).forEach((v, i) =>
          add('health.rural_insurable', counties[i] as string, String(year), v),
        );
        // Participation per county follows the city's rate, so no county exceeds its insurable population.
        split(insured, shares, 0).forEach((v, i) =>
          add('health.rural_insured', counties[i] as string, String(year), v),
        );
      }
      for (let month = 1; month <= 12; month += 1) {
        const season = 1 + 0.25 * Math.cos(((month - 12) / 12) * 2 * Math.PI);
        const monthly = Math.round(((series.retail[y] as number) / 12) * season * 100) / 100;
        perCounty('economy.retail_sales', monthly, 2, month, `${year}-${String(month).padStart(2, '0')}`);
      }
    });
  }
  // Good air-quality days of every prefecture of Shanxi and Henan: Xinyang first in Henan every year.
  for (const province of ['14', '41']) {
    const prefectures = await divisionCodes(ctx.db, province, 2);
    YEARS.forEach((year, y) => {
      prefectures.forEach((prefecture, i) => {
        const days = prefecture.startsWith('4115') ? 290 + y * 3 : 200 + ((i * 13 + y * 7) % 70) + y * 2;
        add('environment.good_air_days', prefecture, String(year), Math.min(days, 365));
      });
    });
  }

  const result = await importValues(ctx, { file: Buffer.from(lines.join('\n')), format: 'csv', dryRun: false });
  if (!result.applied) throw new Error(`indicator demo rejected: ${JSON.stringify(result.issues.slice(0, 3))}`);

  const targets: [string, string, number][] = [
    ['economy.gdp', '1409', 1200],
    ['economy.gdp', '4115', 3000],
    ['health.rural_insurance_rate', '1409', 98.5],
    ['industry.non_coal_share', '1409', 50],
    ['economy.private_share', '1409', 50],
    ['energy.new_to_thermal', '1409', 100],
    ['environment.good_air_days', '4115', 300],
    ['environment.good_air_days', '1409', 300],
  ];
  for (const [indicator, unit, target] of targets) {
    if ((await divisionCodes(ctx.db, unit, 2)).length === 0) continue;
    await putTarget(ctx, { indicator, unit, period: '2021', baseline: null, target, greenAt: 1, amberAt: 0.95 });
  }
  // County GDP targets for 2021: some counties ahead of plan, some behind, so the map and the lights differ.
  const rows = await storedValuesOf(ctx.db, {
    indicator: 'economy.gdp',
    period: '2021',
    unitCodes: await divisionCodes(ctx.db, '1409', 3),
  });
  for (const [i, row] of rows.entries()) {
    const factor = [0.95, 1.02, 1.08, 0.98][i % 4] as number;
    await putTarget(ctx, {
      indicator: 'economy.gdp',
      unit: row.code,
      period: '2021',
      baseline: null,
      target: Math.round(Number(row.value) * factor * 100) / 100,
      greenAt: 1,
      amberAt: 0.95,
    });
  }
}
