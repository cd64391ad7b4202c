import type { MonitoringKind } from '../rules/lifecycle.ts';

/**
 * The plain records the demo generator hands to the service that inserts them. Dates are `YYYY-MM-DD`,
 * division codes the 12-digit form, money whole yuan. Records always carry the village as it was when they
 * were made: a village cancelled later keeps its households, and the service applies the merge through the
 * versioned org tree rather than by rewriting codes here.
 */

/** One village as the caller lists it: a level-5 division of the org tree with its township and county. */
export type DemoVillageInput = {
  code: string;
  name: string;
  townshipCode: string;
  countyCode: string;
  /** The county's name: the mountain (national poverty) counties are named in the calibration. */
  countyName: string;
};

export type PovertyCause =
  | 'illness'
  | 'disability'
  | 'schooling'
  | 'disaster'
  | 'lack_of_land'
  | 'lack_of_water'
  | 'lack_of_skills'
  | 'lack_of_labour'
  | 'lack_of_capital'
  | 'poor_transport'
  | 'lack_of_drive'
  | 'other';

/** Ordinary poor household, minimum-income (低保) household, extreme-poverty support (五保/特困供养). */
export type HouseholdType = 'ordinary' | 'minimum_income' | 'extreme_poverty_support';

export type MeasureType =
  | 'industry'
  | 'employment'
  | 'rain_dew_training'
  | 'microcredit'
  | 'relocation'
  | 'education'
  | 'health'
  | 'housing'
  | 'ecological_compensation'
  | 'social_security'
  | 'infrastructure'
  | 'public_services';

export type DemoMeasure =
  | { type: Exclude<MeasureType, 'relocation'>; on: string; amountYuan: number }
  | {
      type: 'relocation';
      /** The day the household moved: its village's move date. */
      on: string;
      amountYuan: number;
      destinationVillageCode: string;
      /** At most 25 m² per person (the national cap). */
      housingAreaM2: number;
      /** The old house plot returned to farmland (宅基地复垦). */
      reclaimedHousePlotM2: number;
    };

/** Income years run January to December; the 2014 identification judged 2013's income. */
export type DemoIncome = { year: number; perCapitaNetIncome: number };

/** A responsible cadre (帮扶责任人) for a period; the last pairing of a household is still open (`to: null`). */
export type DemoPairing = { cadreKey: string; from: string; to: string | null };

export type DemoCadre = {
  key: string;
  name: string;
  sex: 'male' | 'female';
  /** A department code, `<division's 12 digits>-NNN`, of a unit at `level`. */
  unitCode: string;
  level: 'province' | 'city' | 'county' | 'township';
};

export type DemoMonitoring = { kind: MonitoringKind; from: string; riskEliminatedOn: string | null };

export type DemoHousehold = {
  /** The village code and a sequence within the village, as a household number is written. */
  key: string;
  villageCode: string;
  type: HouseholdType;
  mainCause: PovertyCause;
  secondaryCauses: PovertyCause[];
  /** `null` for the marginal and sudden-difficulty households found by monitoring, which were never registered. */
  identifiedOn: string | null;
  registeredOn: string | null;
  exitedOn: string | null;
  incomes: DemoIncome[];
  measures: DemoMeasure[];
  pairings: DemoPairing[];
  monitoring: DemoMonitoring | null;
};

export type Relation = 'head' | 'spouse' | 'child' | 'child_in_law' | 'grandchild' | 'parent';

export type Education = 'illiterate' | 'primary' | 'junior_secondary' | 'senior_secondary' | 'vocational' | 'college';

export type Health = 'healthy' | 'chronic_illness' | 'serious_illness' | 'disabled';

export type LabourCapacity = 'ordinary' | 'skilled' | 'weak' | 'none';

/** A household member as recorded when the household entered the registry (registration or monitoring). */
export type DemoPerson = {
  householdKey: string;
  idNumber: string;
  name: string;
  relation: Relation;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  /** The highest level reached, or the current one for pupils; `null` below school age. */
  education: Education | null;
  schoolStatus: 'below_school_age' | 'in_school' | 'not_in_school';
  health: Health;
  labourCapacity: LabourCapacity;
  monthsWorkingAway: number;
  insurance: { medical: boolean; pension: boolean };
};

export type DemoRelocatedVillage = { code: string; destinationVillageCode: string; movedOn: string };

export type DemoCancelledVillage = {
  code: string;
  /** The destination village for a merge; `null` when the village was abolished. */
  mergedInto: string | null;
  on: string;
  kind: 'merged' | 'abolished';
};

export type DemoRegistry = {
  households: DemoHousehold[];
  /** Grouped by household in the order of `households`, each household's head first. */
  persons: DemoPerson[];
  cadres: DemoCadre[];
  /** Rural population at registration for every input village; 0 for residents' committees (urban). */
  villagePopulation: Map<string, number>;
  relocatedVillages: DemoRelocatedVillage[];
  cancelledVillages: DemoCancelledVillage[];
  /** County code (12 digits) and the year whose end-of-year incidence the exit was judged by. */
  exitedCounties: { code: string; year: number }[];
};
