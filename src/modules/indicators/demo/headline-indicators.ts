import { type IndicatorDefinition, type IndicatorDefinitionInput, indicatorDefinition } from '../schema.ts';
import { expectedComputedKeys } from '../computed-sources.ts';

/** What the headline indicators share; every field left out takes the API's default. */
const base = {
  valueType: 'number',
  direction: 'up',
  unitAggregation: 'sum',
  periodAggregation: 'sum',
  periodType: 'year',
  source: 'entered',
  entryLevel: 3,
  entryWindowDays: 30,
} satisfies Omit<IndicatorDefinitionInput, 'code' | 'nameZh' | 'nameEn'>;

const entered = (
  code: string,
  nameZh: string,
  nameEn: string,
  extra: Partial<IndicatorDefinitionInput> = {},
): IndicatorDefinition => indicatorDefinition({ ...base, code, nameZh, nameEn, ...extra });

const share = (
  code: string,
  nameZh: string,
  nameEn: string,
  numeratorCode: string,
  denominatorCode: string,
  alertLine: number | null,
): IndicatorDefinition =>
  indicatorDefinition({
    ...base,
    code,
    nameZh,
    nameEn,
    measureUnit: '%',
    valueType: 'percent',
    unitAggregation: 'none',
    periodAggregation: 'last',
    source: 'formula',
    entryLevel: null,
    numeratorCode,
    denominatorCode,
    factor: 100,
    alertLine,
  });

const COMPUTED_NAMES: Record<(typeof expectedComputedKeys)[number], [string, string]> = {
  'poverty.registered_persons': ['建档立卡贫困人口', 'Registered poor persons'],
  'poverty.poor_persons': ['未脱贫人口', 'Persons still poor'],
  'poverty.incidence': ['贫困发生率', 'Poverty incidence'],
  'poverty.monitored_persons': ['监测对象人数', 'Monitored persons'],
  'population.rural': ['农村人口', 'Rural population'],
};

/** The headline indicators the articles quote, and those the poverty registry will compute. */
export const headlineIndicators: IndicatorDefinition[] = [
  entered('economy.gdp', '地区生产总值', 'Gross domestic product', {
    measureUnit: '亿元',
    valueType: 'money',
    outlierChangePct: 40,
  }),
  entered('economy.private_value_added', '民营经济增加值', 'Value added of the private economy', {
    measureUnit: '亿元',
    valueType: 'money',
    rules: [{ op: 'lte', code: 'economy.gdp' }],
  }),
  share(
    'economy.private_share',
    '民营经济占GDP比重',
    'Private economy share of GDP',
    'economy.private_value_added',
    'economy.gdp',
    50,
  ),
  entered('industry.value_added', '工业增加值', 'Industrial value added', {
    measureUnit: '亿元',
    valueType: 'money',
    rules: [{ op: 'lte', code: 'economy.gdp' }],
  }),
  entered('industry.non_coal_value_added', '非煤产业增加值', 'Value added of non-coal industry', {
    measureUnit: '亿元',
    valueType: 'money',
    rules: [{ op: 'lte', code: 'industry.value_added' }],
  }),
  share(
    'industry.non_coal_share',
    '非煤产业占工业增加值比重',
    'Non-coal share of industrial value added',
    'industry.non_coal_value_added',
    'industry.value_added',
    50,
  ),
  entered('energy.new_energy_capacity', '新能源装机容量', 'New-energy installed capacity', { measureUnit: '万千瓦' }),
  entered('energy.thermal_capacity', '火电装机容量', 'Thermal installed capacity', { measureUnit: '万千瓦' }),
  share(
    'energy.new_to_thermal',
    '新能源与火电装机之比',
    'New-energy to thermal capacity',
    'energy.new_energy_capacity',
    'energy.thermal_capacity',
    100,
  ),
  entered('health.rural_insurable', '应参合农村人口', 'Rural population to be insured', {
    measureUnit: '人',
    valueType: 'count',
  }),
  entered('health.rural_insured', '农村合作医疗参合人数', 'Rural cooperative medical insurance participants', {
    measureUnit: '人',
    valueType: 'count',
    rules: [{ op: 'lte', code: 'health.rural_insurable' }],
  }),
  share(
    'health.rural_insurance_rate',
    '农村合作医疗参合率',
    'Rural cooperative medical insurance participation',
    'health.rural_insured',
    'health.rural_insurable',
    null,
  ),
  entered('environment.good_air_days', '空气质量优良天数', 'Days of good air quality', {
    measureUnit: '天',
    valueType: 'count',
    unitAggregation: 'average',
    periodAggregation: 'last',
    entryLevel: 2,
    maxValue: 366,
  }),
  entered('economy.retail_sales', '社会消费品零售总额', 'Retail sales of consumer goods', {
    measureUnit: '亿元',
    valueType: 'money',
    periodType: 'month',
    entryWindowDays: 15,
  }),
  ...expectedComputedKeys.map((key) =>
    indicatorDefinition({
      ...base,
      code: key,
      nameZh: COMPUTED_NAMES[key][0],
      nameEn: COMPUTED_NAMES[key][1],
      measureUnit: key === 'poverty.incidence' ? '%' : '人',
      valueType: key === 'poverty.incidence' ? 'percent' : 'count',
      direction: key === 'population.rural' || key === 'poverty.registered_persons' ? 'up' : 'down',
      unitAggregation: 'none',
      periodAggregation: 'last',
      source: 'computed',
      entryLevel: null,
      computedKey: key,
    }),
  ),
];
