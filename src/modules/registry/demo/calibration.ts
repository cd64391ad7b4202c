import type { Education, Health, MeasureType, PovertyCause } from './types.ts';

/**
 * What the demo registry is calibrated to. "Article" figures are the Xinzhou article's (domain.md §5) and
 * come out of the records exactly; everything marked "plausible" is our own estimate, chosen to look like a
 * registry of a poor mountainous prefecture in Shanxi, and is not an official statistic.
 */

// ── Article figures (exact) ─────────────────────────────────────────────────────────────────────────────

/** Article: the 2014 registration (建档立卡) registered 467,400 poor people. */
export const REGISTERED_POOR_2014 = 467_400;
/** Article: poverty incidence 19.81% at registration. */
export const INCIDENCE_AT_REGISTRATION = 0.1981;
/** Derived: the rural population that makes 467,400 an incidence of 19.81% (2,359,414 people). */
export const RURAL_POPULATION = Math.round(REGISTERED_POOR_2014 / INCIDENCE_AT_REGISTRATION);
/** Article: 53,700 people still poor at the end of 2018. */
export const POOR_AT_END_OF_2018 = 53_700;
/** Article: 2.28% at the end of 2018; not used to derive anything, only to check the rural population. */
export const INCIDENCE_AT_END_OF_2018 = 0.0228;
/** Article: 797 villages relocated whole (整村搬迁). */
export const VILLAGES_RELOCATED_WHOLE = 797;
/** Article: 533 village registrations cancelled (merged or abolished). */
export const VILLAGE_REGISTRATIONS_CANCELLED = 533;

export const REGISTRATION_YEAR = 2014;
/** The 2014 identification compared 2013 incomes with 2013's line (see `DEFAULT_POVERTY_LINES`). */
export const INCOME_YEAR_AT_REGISTRATION = 2013;
/** domain.md: everyone registered had exited by the end of 2020. */
export const FINAL_EXIT_YEAR = 2020;
/** The day the demo data describes; monitoring records run up to it. */
export const DEMO_AS_OF = '2024-12-31';

/**
 * Article: 6 counties exited by the end of 2018. Plausible: one judged on 2017's figures, five on 2018's.
 * Which counties is drawn from the seed among the poverty counties.
 */
export const COUNTY_EXIT_YEARS: readonly number[] = [2017, 2018, 2018, 2018, 2018, 2018];
/**
 * Plausible: an exited county still carries 0.4–1.5% of its rural population as registered poor, safely
 * under the 2% a county of a central province such as Shanxi must fall below (`INCIDENCE_THRESHOLD`).
 */
export const EXITED_COUNTY_REMAINING_SHARE = { min: 0.004, max: 0.015 } as const;

/**
 * Xinzhou's eleven national poverty counties, all in the mountains of the north-west and the Wutai range.
 * Only they can exit (摘帽), and whole-village relocation is concentrated in them.
 */
export const MOUNTAIN_POVERTY_COUNTY_NAMES: readonly string[] = [
  '静乐县',
  '岢岚县',
  '五寨县',
  '神池县',
  '宁武县',
  '偏关县',
  '河曲县',
  '保德县',
  '繁峙县',
  '代县',
  '五台县',
];

/**
 * Plausible: registered poor people remaining at the end of each year. Only the start (467,400), the end of
 * 2018 (53,700, article) and the end of 2020 (0) are facts; the curve between them follows the national
 * pattern of exits accelerating towards 2018 and a small remainder in 2019.
 */
export const REMAINING_POOR_AT_YEAR_END: ReadonlyMap<number, number> = new Map([
  [2014, 437_400],
  [2015, 383_400],
  [2016, 300_900],
  [2017, 186_200],
  [2018, POOR_AT_END_OF_2018],
  [2019, 8_700],
  [FINAL_EXIT_YEAR, 0],
]);

/**
 * Plausible pace of exit: a household's place in the queue is a normal draw plus these shifts. The plains
 * exit first, the poverty counties that exit by 2018 next; illness, disability and no labour hold a
 * household back, missing skills or capital are the quickest to remedy.
 */
export const EXIT_PACE: {
  group: Readonly<Record<keyof typeof RELATIVE_INCIDENCE, number>>;
  cause: Readonly<Partial<Record<PovertyCause, number>>>;
} = {
  group: { nonPoverty: 1.0, exitedPoverty: 0.4, otherPoverty: -0.3 },
  cause: { illness: -0.4, disability: -0.5, lack_of_labour: -0.4, lack_of_skills: 0.3, lack_of_capital: 0.3 },
};
/** Exits are appraised at the end of the year. */
export const EXIT_APPRAISAL_SEASON = { from: '10-15', to: '12-31' } as const;

// ── Villages (plausible) ────────────────────────────────────────────────────────────────────────────────

/**
 * Village rural population: log-normal around the median, shrinking with remoteness from `near` to `far`
 * times the size, clamped, then scaled to what the hamlets leave of the total.
 */
export const VILLAGE_POPULATION_SPREAD = {
  logSd: 0.5,
  near: 1.3,
  far: 0.6,
  minRelative: 0.2,
  maxRelative: 3.5,
} as const;
/**
 * The remotest mountain villages are hollowed-out hamlets of a few dozen households, most of their people
 * gone to work elsewhere; they are the ones relocated whole.
 */
export const HAMLET_POPULATION = { median: 190, logSd: 0.45, min: 60, max: 480 } as const;
/**
 * Incidence relative to the others before scaling to 19.81%: poverty counties far above the plains around
 * the city, the counties that exit first below the other poverty counties. Remoteness raises it further.
 */
export const RELATIVE_INCIDENCE = { nonPoverty: 0.3, exitedPoverty: 1.0, otherPoverty: 1.45 } as const;
/** Incidence grows with remoteness from `near` to `far` times, with log-normal noise between villages. */
export const INCIDENCE_SPREAD = { logSd: 0.3, near: 0.5, far: 1.5 } as const;
/** No village registers more than this share of its people as poor. */
export const MAX_VILLAGE_INCIDENCE = 0.8;
/** Plausible share of relocation moves by year within the 13th five-year plan (2016–2020). */
export const RELOCATION_MOVE_YEAR_WEIGHTS: readonly (readonly [number, number])[] = [
  [2016, 0.2],
  [2017, 0.35],
  [2018, 0.3],
  [2019, 0.15],
];
/** domain.md: relocation housing is capped at 25 m² per person; flats are built in 20–25 m² steps per person. */
export const RELOCATION_HOUSING_M2_PER_PERSON: readonly number[] = [20, 22.5, 25];
/** Plausible: most relocated households go to their township's seat, the rest to the county seat. */
export const RELOCATION_TO_TOWNSHIP_SEAT_SHARE = 0.7;
export const VILLAGE_CANCELLATION_YEARS = { first: 2017, last: 2020 } as const;
/** Plausible: a cancelled village is usually merged into the village its people moved to. */
export const CANCELLED_BY_MERGER_SHARE = 0.65;

// ── Households and people (plausible) ───────────────────────────────────────────────────────────────────

/** Registered poor households are small (many elderly couples and people living alone): mean ≈ 2.7. */
export const HOUSEHOLD_SIZE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 0.23],
  [2, 0.29],
  [3, 0.2],
  [4, 0.16],
  [5, 0.08],
  [6, 0.03],
  [7, 0.01],
];

/** Main cause of poverty (single choice); plausible shares, illness first as in most registries. */
export const MAIN_CAUSE_WEIGHTS: readonly (readonly [PovertyCause, number])[] = [
  ['illness', 0.42],
  ['disability', 0.06],
  ['schooling', 0.08],
  ['disaster', 0.02],
  ['lack_of_land', 0.03],
  ['lack_of_water', 0.01],
  ['lack_of_skills', 0.12],
  ['lack_of_labour', 0.14],
  ['lack_of_capital', 0.08],
  ['poor_transport', 0.01],
  ['lack_of_drive', 0.02],
  ['other', 0.01],
];
/** How many secondary causes a household records besides the main one. */
export const SECONDARY_CAUSE_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 0.35],
  [1, 0.4],
  [2, 0.25],
];
/** A sudden severe difficulty after 2020 is mostly illness, an accident ("other") or a disaster. */
export const SUDDEN_DIFFICULTY_CAUSE_WEIGHTS: readonly (readonly [PovertyCause, number])[] = [
  ['illness', 0.55],
  ['other', 0.25],
  ['disaster', 0.15],
  ['disability', 0.05],
];

/**
 * Household type, conditional on what makes a household eligible: extreme-poverty support only for people
 * living alone who are old or disabled; minimum income mostly where illness, disability or no labour is the
 * cause. Overall about two thirds ordinary, a quarter minimum income, 7% extreme-poverty support.
 */
export const HOUSEHOLD_TYPE_CHANCES = {
  extremePovertySupportWhenAloneAndOld: 0.45,
  minimumIncomeWhenIllOrWithoutLabour: 0.4,
  minimumIncomeOtherwise: 0.1,
} as const satisfies Record<string, number>;
export const OLD_AGE = 60;

/** Ages at registration: heads 25–75, those living alone older on average. */
export const HEAD_AGE = { min: 25, max: 75, mean: 53, sd: 12, meanAlone: 64, sdAlone: 9 } as const;

export const ETHNICITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['汉族', 0.997],
  ['回族', 0.0015],
  ['蒙古族', 0.0008],
  ['满族', 0.0007],
];

/** Highest education of adults by birth cohort (rural Shanxi: older cohorts rarely went beyond primary). */
export const EDUCATION_BY_BIRTH_COHORT: readonly {
  bornBefore: number;
  weights: readonly (readonly [Education, number])[];
}[] = [
  {
    bornBefore: 1950,
    weights: [
      ['illiterate', 0.45],
      ['primary', 0.45],
      ['junior_secondary', 0.1],
    ],
  },
  {
    bornBefore: 1965,
    weights: [
      ['illiterate', 0.15],
      ['primary', 0.5],
      ['junior_secondary', 0.3],
      ['senior_secondary', 0.05],
    ],
  },
  {
    bornBefore: 1980,
    weights: [
      ['illiterate', 0.04],
      ['primary', 0.3],
      ['junior_secondary', 0.55],
      ['senior_secondary', 0.08],
      ['vocational', 0.03],
    ],
  },
  {
    bornBefore: Number.POSITIVE_INFINITY,
    weights: [
      ['primary', 0.12],
      ['junior_secondary', 0.6],
      ['senior_secondary', 0.14],
      ['vocational', 0.1],
      ['college', 0.04],
    ],
  },
];

/** Health by age before the household's cause is imposed on one member. */
export const HEALTH_BY_AGE: readonly { below: number; weights: readonly (readonly [Health, number])[] }[] = [
  {
    below: 40,
    weights: [
      ['healthy', 0.95],
      ['chronic_illness', 0.03],
      ['serious_illness', 0.01],
      ['disabled', 0.01],
    ],
  },
  {
    below: 60,
    weights: [
      ['healthy', 0.78],
      ['chronic_illness', 0.14],
      ['serious_illness', 0.04],
      ['disabled', 0.04],
    ],
  },
  {
    below: Number.POSITIVE_INFINITY,
    weights: [
      ['healthy', 0.55],
      ['chronic_illness', 0.3],
      ['serious_illness', 0.08],
      ['disabled', 0.07],
    ],
  },
];

/** Working-age people with labour: about half work away from home part of the year (务工). */
export const WORKING_AWAY = { share: 0.5, minMonths: 3, maxMonths: 12, ages: { min: 18, max: 55 } } as const;

/** domain.md: rural cooperative medical insurance participation of 98.98%; pension cover plausible. */
export const INSURANCE_SHARES = { medical: 0.9898, pension: 0.88 } as const;

// ── Incomes (plausible, around the dated lines) ─────────────────────────────────────────────────────────

/** Income at registration as a share of 2013's line: below it by definition. */
export const REGISTRATION_INCOME_SHARE_OF_LINE = { min: 0.45, max: 0.95 } as const;
/**
 * Income in the exit year as a multiple of that year's line: strictly above it, and on average nearly twice
 * it, since assistance (jobs, dividends, transfers) usually lifts a household well clear of the line.
 */
export const EXIT_INCOME_MULTIPLE_OF_LINE = { min: 1.1, max: 2.6 } as const;
/** domain.md: registered poor households averaged 10,740 yuan per person at the end of 2020. */
export const AVERAGE_INCOME_2020 = 10_740;
/**
 * Income in 2020 is drawn around `drawMean`, but grows by at most `maxYearlyGrowth` a year after the exit, so
 * late exits stay lower; `drawMean` is set so that the registry's 2020 average comes out at 10,740.
 */
export const INCOME_2020 = { drawMean: 11_650, sd: 3_000, maxYearlyGrowth: 1.45 } as const;
/** Growth of income a year while still poor, capped just below the year's line. */
export const PRE_EXIT_GROWTH = { min: 1.02, max: 1.1 } as const;

// ── Monitoring after 2020 (plausible) ───────────────────────────────────────────────────────────────────

export const MONITORING = {
  /** Share of exited households monitored as unstable-exited. */
  unstableExitedShare: 0.03,
  /** Never-registered households monitored, per exited household. */
  marginalPerExitedHousehold: 0.015,
  suddenDifficultyPerExitedHousehold: 0.008,
  firstDay: '2021-03-01',
  lastDay: '2023-12-31',
  /** Share whose risk was eliminated by `DEMO_AS_OF`, at least 6 months after monitoring began. */
  riskEliminatedShare: 0.7,
} as const;

// ── Assistance and cadres (plausible) ───────────────────────────────────────────────────────────────────

/** The measures that answer a main cause; every household also gets one or two general measures. */
export const MEASURES_FOR_CAUSE: Readonly<Record<PovertyCause, readonly MeasureType[]>> = {
  illness: ['health'],
  disability: ['health', 'social_security'],
  schooling: ['education', 'rain_dew_training'],
  disaster: ['housing', 'industry'],
  lack_of_land: ['industry', 'employment'],
  lack_of_water: ['infrastructure', 'industry'],
  lack_of_skills: ['rain_dew_training', 'employment'],
  lack_of_labour: ['social_security', 'ecological_compensation'],
  lack_of_capital: ['microcredit', 'industry'],
  poor_transport: ['infrastructure', 'employment'],
  lack_of_drive: ['employment', 'public_services'],
  other: ['industry'],
};
export const GENERAL_MEASURE_WEIGHTS: readonly (readonly [Exclude<MeasureType, 'relocation'>, number])[] = [
  ['industry', 0.35],
  ['ecological_compensation', 0.2],
  ['employment', 0.2],
  ['public_services', 0.1],
  ['infrastructure', 0.1],
  ['housing', 0.05],
];
/**
 * Yuan per measure; `perPerson` multiplies by the household size. Microcredit is the 50,000-yuan
 * interest-free poverty loan; the ecological upper end is a forest ranger's (生态护林员) yearly pay.
 */
export const MEASURE_AMOUNTS: Readonly<Record<MeasureType, { min: number; max: number; perPerson?: true }>> = {
  industry: { min: 1_000, max: 6_000 },
  employment: { min: 1_500, max: 12_000 },
  rain_dew_training: { min: 1_500, max: 6_000 },
  microcredit: { min: 10_000, max: 50_000 },
  relocation: { min: 20_000, max: 25_000, perPerson: true },
  education: { min: 500, max: 5_000 },
  health: { min: 300, max: 20_000 },
  housing: { min: 8_500, max: 35_000 },
  ecological_compensation: { min: 800, max: 10_000 },
  social_security: { min: 1_200, max: 3_600, perPerson: true },
  infrastructure: { min: 500, max: 5_000 },
  public_services: { min: 200, max: 2_000 },
};

/** Plausible: a cadre is responsible for 3–5 households; about a third of pairings rotated in 2017–18. */
export const CADRE_HOUSEHOLDS = { min: 3, max: 5 } as const;
export const CADRE_ROTATION = { share: 0.35, from: '2017-03-01', to: '2018-06-30' } as const;
export const CADRE_LEVEL_WEIGHTS: readonly (readonly ['province' | 'city' | 'county' | 'township', number])[] = [
  ['province', 0.03],
  ['city', 0.17],
  ['county', 0.5],
  ['township', 0.3],
];
/** How many departments a unit of each level plausibly has, for the `-NNN` of a department code. */
export const DEPARTMENTS_PER_UNIT = { province: 60, city: 45, county: 35, township: 3 } as const;
