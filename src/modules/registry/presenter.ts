import type { DuplicateRow } from './duplicate-queries.ts';
import type { Selectable } from 'kysely';
import type { RegistryLifecycleEventTable } from '../../platform/db-schema.ts';
import { maskIdNumber } from './rules/id-number.ts';
import { incidence } from './rules/village-county-exit.ts';
import type {
  eventsOf,
  HouseholdRow,
  incomesOf,
  measuresOf,
  MemberRow,
  pairingsOf,
  StatsRow,
  sumStatsByCause,
  sumStatsByMeasure,
} from './queries.ts';
import type { HouseholdDto, StatsBreakdownDto, StatsDto } from './schema.ts';

/** Phones keep the first three and last four digits, like ID numbers. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  return phone.length < 8
    ? '*'.repeat(phone.length)
    : phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function presentHouseholdSummary(row: HouseholdRow) {
  return {
    id: row.id,
    number: row.number,
    villageCode: row.village_code,
    villageName: row.village_name,
    headName: row.head_name,
    headIdNumber: row.head_id_number === null ? null : maskIdNumber(row.head_id_number),
    memberCount: row.member_count ?? 0,
    type: row.type,
    mainCause: row.main_cause,
    status: row.status,
    monitoringKind: row.monitoring_kind,
    registeredOn: row.registered_on,
    exitedOn: row.exited_on,
    version: row.version,
  };
}

type EventRow = Selectable<RegistryLifecycleEventTable>;

export function presentEvent(row: Awaited<ReturnType<typeof eventsOf>>[number] | EventRow) {
  return {
    id: row.id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    monitoringKind: row.monitoring_kind,
    effectiveOn: row.effective_on,
    reason: row.reason,
    checks: row.checks as HouseholdDto['events'][number]['checks'],
    steps: row.steps as HouseholdDto['events'][number]['steps'],
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

export function presentHousehold(
  row: HouseholdRow,
  parts: {
    members: MemberRow[];
    incomes: Awaited<ReturnType<typeof incomesOf>>;
    measures: Awaited<ReturnType<typeof measuresOf>>;
    pairings: Awaited<ReturnType<typeof pairingsOf>>;
    events: Awaited<ReturnType<typeof eventsOf>>;
    claims: DuplicateRow[];
  },
  reveal: boolean,
): HouseholdDto {
  const summary = presentHouseholdSummary(row);
  return {
    ...summary,
    headIdNumber: reveal ? row.head_id_number : summary.headIdNumber,
    secondaryCauses: row.secondary_causes,
    identifiedOn: row.identified_on,
    monitoredSince: row.monitored_since,
    riskEliminatedOn: row.risk_eliminated_on,
    phone: reveal ? row.phone : maskPhone(row.phone),
    housingAreaM2: row.housing_area_m2 === null ? null : Number(row.housing_area_m2),
    basicNeeds: {
      food: row.food_secured,
      clothing: row.clothing_secured,
      compulsoryEducation: row.compulsory_education_secured,
      basicMedicalCare: row.basic_medical_care_secured,
      safeHousing: row.safe_housing,
      safeDrinkingWater: row.safe_drinking_water,
    },
    largeCostsResolved: row.large_costs_resolved,
    members: parts.members.map((m) => ({
      personId: m.person_id,
      name: m.name,
      idNumber: reveal ? m.id_number : maskIdNumber(m.id_number),
      relation: m.relation,
      sex: m.sex,
      birthDate: m.birth_date,
      health: m.health,
      labourCapacity: m.labour_capacity,
      phone: reveal ? m.phone : maskPhone(m.phone),
      startOn: m.start_on,
      endOn: m.end_on,
      endReason: m.end_reason,
    })),
    incomes: parts.incomes.map((i) => ({ year: i.year, perCapitaNetIncome: Number(i.per_capita_net_income) })),
    measures: parts.measures.map((m) => ({
      id: m.id,
      type: m.type,
      givenOn: m.given_on,
      amountYuan: Number(m.amount_yuan),
      provider: m.provider,
    })),
    cadres: parts.pairings.map((p) => ({
      name: p.name,
      unitCode: p.unit_code,
      level: p.level,
      from: p.from_on,
      to: p.to_on,
    })),
    events: parts.events.map(presentEvent),
    pendingDuplicates: parts.claims.map((claim) => ({
      caseId: claim.id,
      name: claim.name,
      idNumber: reveal ? claim.id_number : maskIdNumber(claim.id_number),
      relation: claim.relation,
      heldByHouseholdNumber: claim.existing_household_number,
    })),
    revealed: reveal,
  };
}

export function presentStats(unit: string, year: number, row: StatsRow | undefined): StatsDto {
  const ruralPopulation = Number(row?.rural_population ?? 0);
  const poorPersons = Number(row?.poor_persons ?? 0);
  return {
    unit,
    year,
    ruralPopulation,
    registeredPersons: Number(row?.registered_persons ?? 0),
    registeredHouseholds: Number(row?.registered_households ?? 0),
    poorPersons,
    poorHouseholds: Number(row?.poor_households ?? 0),
    incidence: incidence(poorPersons, ruralPopulation),
    exitedPersons: Number(row?.exited_persons ?? 0),
    monitoredPersons: Number(row?.monitored_persons ?? 0),
  };
}

export function presentStatsBreakdown(
  unit: string,
  year: number,
  breakdown:
    | { by: 'cause'; rows: Awaited<ReturnType<typeof sumStatsByCause>> }
    | { by: 'measure'; rows: Awaited<ReturnType<typeof sumStatsByMeasure>> },
): StatsBreakdownDto {
  const items =
    breakdown.by === 'cause'
      ? breakdown.rows.map((row) => ({
          key: row.cause,
          registeredHouseholds: Number(row.registered_households),
          registeredPersons: Number(row.registered_persons),
          poorHouseholds: Number(row.poor_households),
          poorPersons: Number(row.poor_persons),
        }))
      : breakdown.rows.map((row) => ({
          key: row.measure,
          households: Number(row.households),
          measures: Number(row.measures),
          amountYuan: Number(row.amount_yuan),
        }));
  return { unit, year, by: breakdown.by, items };
}
