import { z } from 'zod';
import { UNIT_CODE_PATTERN } from '../org/codes.ts';
import { duplicateDecisions } from './rules/duplicate-decision.ts';
import { STATS_FIRST_YEAR, STATS_LAST_YEAR } from '../../platform/migrations/0003-registry.ts';

const isoDate = z.iso.date().describe('A date, YYYY-MM-DD');
const unitCode = z.string().regex(UNIT_CODE_PATTERN).describe('A division code, full (140929100200) or short');
const version = z.number().int().min(1).describe('The version you saw; a stale one answers 409');
const reason = z.string().trim().min(2).max(500).describe('Why: the meeting, document or finding');

export const relations = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'sibling',
  'other',
] as const;
export const householdTypes = ['ordinary', 'minimum_income', 'extreme_poverty_support'] as const;
export const povertyCauses = [
  'illness',
  'disability',
  'schooling',
  'disaster',
  'lack_of_land',
  'lack_of_water',
  'lack_of_skills',
  'lack_of_labour',
  'lack_of_capital',
  'poor_transport',
  'lack_of_drive',
  'other',
] as const;
export const measureTypes = [
  'industry',
  'employment',
  'rain_dew_training',
  'microcredit',
  'relocation',
  'education',
  'health',
  'housing',
  'ecological_compensation',
  'social_security',
  'infrastructure',
  'public_services',
] as const;
export const householdStatuses = ['identified', 'registered', 'exited', 'monitored', 'risk_eliminated'] as const;
export const monitoringKinds = ['unstable_exited', 'marginal', 'sudden_difficulty'] as const;

export const statsQuery = z.object({
  unit: unitCode.describe('Village, township, county, city or province code'),
  year: z.coerce.number().int().min(STATS_FIRST_YEAR).max(STATS_LAST_YEAR).describe('Figures at the end of this year'),
});

export const stats = z
  .object({
    unit: z.string().describe('The unit’s 12-digit code'),
    year: z.number().int(),
    ruralPopulation: z.number().int(),
    registeredPersons: z.number().int().describe('Everyone ever registered up to the end of the year'),
    registeredHouseholds: z.number().int(),
    poorPersons: z.number().int().describe('Registered and not exited at the end of the year'),
    poorHouseholds: z.number().int(),
    incidence: z.number().nullable().describe('poorPersons ÷ ruralPopulation, a fraction; null without population'),
    exitedPersons: z.number().int(),
    monitoredPersons: z.number().int(),
  })
  .meta({ id: 'RegistryStats' });

export const statsBreakdownQuery = statsQuery.extend({
  by: z.enum(['cause', 'measure']).describe('Main cause of poverty, or assistance measure given in the year'),
});

export const statsBreakdown = z
  .object({
    unit: z.string().describe('The unit’s 12-digit code'),
    year: z.number().int(),
    by: z.enum(['cause', 'measure']),
    items: z.array(
      z.object({
        key: z.string().describe('The cause or the measure type'),
        registeredHouseholds: z.number().int().optional().describe('By cause: registered up to the year’s end'),
        registeredPersons: z.number().int().optional(),
        poorHouseholds: z.number().int().optional().describe('By cause: still poor at the year’s end'),
        poorPersons: z.number().int().optional(),
        households: z.number().int().optional().describe('By measure: households assisted in the year'),
        measures: z.number().int().optional().describe('By measure: measures given in the year'),
        amountYuan: z.number().optional().describe('By measure: their amount'),
      }),
    ),
  })
  .meta({ id: 'RegistryStatsBreakdown' });

export const trendQuery = z.object({ unit: unitCode });
export const childStatsQuery = statsQuery;

export const memberInput = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(1).max(20).describe('18 digits (or an old 15-digit number, upgraded)'),
  relation: z.enum(relations),
  ethnicity: z.string().trim().min(1).max(20).optional(),
  education: z.string().max(30).optional(),
  health: z.enum(['healthy', 'chronic_illness', 'serious_illness', 'disabled']).optional(),
  labourCapacity: z.enum(['ordinary', 'skilled', 'weak', 'none']).optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .optional(),
});

export const createHouseholdBody = z.object({
  villageCode: unitCode,
  members: z.array(memberInput).min(1).max(30),
  type: z.enum(householdTypes).optional(),
  mainCause: z.enum(povertyCauses).optional(),
  secondaryCauses: z.array(z.enum(povertyCauses)).max(11).optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .optional(),
  identifiedOn: isoDate
    .optional()
    .describe('When the household was identified; default today. Members count from then'),
});

export const householdIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });

export const revealQuery = z.object({
  reveal: z
    .enum(['true', 'false'])
    .optional()
    .describe('Show ID numbers and phones unmasked (needs registry.unmask; audited)'),
});

const member = z.object({
  personId: z.string(),
  name: z.string(),
  idNumber: z.string().describe('Masked unless revealed'),
  relation: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  health: z.string(),
  labourCapacity: z.string(),
  phone: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

const check = z.object({
  name: z.string(),
  passed: z.boolean(),
  actual: z.number().nullable().optional(),
  required: z.number().optional(),
  comparison: z.enum(['>', '>=', '<']).optional(),
});

export const lifecycleEvent = z.object({
  id: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  monitoringKind: z.string().nullable(),
  effectiveOn: z.string(),
  reason: z.string(),
  checks: z.array(check),
  steps: z.array(z.object({ step: z.string(), on: z.string() })),
  recordedAt: z.string(),
});

export const householdSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    headName: z.string().nullable(),
    headIdNumber: z.string().nullable().describe('Masked'),
    memberCount: z.number().int(),
    type: z.enum(householdTypes),
    mainCause: z.string(),
    status: z.enum(householdStatuses),
    monitoringKind: z.enum(monitoringKinds).nullable(),
    registeredOn: z.string().nullable(),
    exitedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RegistryHouseholdSummary' });

export const household = householdSummary
  .extend({
    secondaryCauses: z.array(z.string()),
    identifiedOn: z.string().nullable(),
    monitoredSince: z.string().nullable(),
    riskEliminatedOn: z.string().nullable(),
    phone: z.string().nullable(),
    housingAreaM2: z.number().nullable(),
    basicNeeds: z.object({
      food: z.boolean(),
      clothing: z.boolean(),
      compulsoryEducation: z.boolean(),
      basicMedicalCare: z.boolean(),
      safeHousing: z.boolean(),
      safeDrinkingWater: z.boolean(),
    }),
    largeCostsResolved: z.boolean(),
    members: z.array(member),
    incomes: z.array(z.object({ year: z.number().int(), perCapitaNetIncome: z.number() })),
    measures: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        givenOn: z.string(),
        amountYuan: z.number(),
        provider: z.string().nullable(),
      }),
    ),
    cadres: z.array(
      z.object({
        name: z.string(),
        unitCode: z.string(),
        level: z.string(),
        from: z.string(),
        to: z.string().nullable(),
      }),
    ),
    events: z.array(lifecycleEvent),
    pendingDuplicates: z
      .array(
        z.object({
          caseId: z.string(),
          name: z.string(),
          idNumber: z.string().describe('Masked unless revealed'),
          relation: z.string(),
          heldByHouseholdNumber: z.string().nullable(),
        }),
      )
      .describe('Members claimed at registration whose ID number waits in the deduplication queue'),
    revealed: z.boolean().describe('Whether ID numbers and phones are shown unmasked'),
  })
  .meta({ id: 'RegistryHousehold' });

export const listHouseholdsQuery = z.object({
  unit: unitCode.optional().describe('Only households of villages under this unit'),
  status: z.enum(householdStatuses).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Household number, or a member’s name'),
  cause: z.enum(povertyCauses).optional().describe('Only households with this main cause of poverty'),
  measure: z.enum(measureTypes).optional().describe('Only households given a measure of this type'),
  year: z.coerce
    .number()
    .int()
    .min(STATS_FIRST_YEAR)
    .max(STATS_LAST_YEAR)
    .optional()
    .describe(
      'The households behind that year’s breakdown: with `measure`, assisted within the year; otherwise registered by its end',
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const householdPage = z.object({ items: z.array(householdSummary), total: z.number().int() });

const basicNeedsInput = z.object({
  food: z.boolean(),
  clothing: z.boolean(),
  compulsoryEducation: z.boolean(),
  basicMedicalCare: z.boolean(),
  safeHousing: z.boolean(),
  safeDrinkingWater: z.boolean(),
});

export const updateConditionsBody = z.object({
  basicNeeds: basicNeedsInput.optional(),
  largeCostsResolved: z.boolean().optional(),
  housingAreaM2: z.number().min(0).max(10_000).optional(),
  type: z.enum(householdTypes).optional(),
  mainCause: z.enum(povertyCauses).optional(),
  secondaryCauses: z.array(z.enum(povertyCauses)).max(11).optional(),
  version,
});

export const recordIncomeBody = z.object({
  year: z.number().int().min(2010).max(2100),
  perCapitaNetIncome: z.number().min(0).max(10_000_000),
  version,
});

export const recordIncomeRecordBody = z.object({
  firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  months: z.number().int().min(1).max(12),
  perCapitaIncome: z.number().min(0).max(10_000_000),
  version,
});

export const recordMeasureBody = z.object({
  type: z.enum(measureTypes),
  givenOn: isoDate,
  amountYuan: z.number().min(0).max(100_000_000),
  provider: z.string().trim().max(100).optional(),
  version,
});

export const transitionBody = z.object({
  to: z.enum(householdStatuses),
  monitoringKind: z.enum(monitoringKinds).optional(),
  effectiveOn: isoDate,
  reason,
  /** The procedure's steps as they happened: votes, public notices, reviews, approvals. */
  steps: z
    .array(z.object({ step: z.string().trim().min(1).max(50), on: isoDate }))
    .max(20)
    .default([]),
  version,
});

export const transitionResult = z.object({ household, checks: z.array(check) });

export const lineKinds = ['poverty', 'monitoring', 'incidence_threshold'] as const;
export const lineSetting = z.object({
  id: z.number().int(),
  kind: z.enum(lineKinds),
  region: z.string().nullable(),
  effectiveFrom: z.string(),
  value: z.number(),
  recordedAt: z.string(),
});
export const addLineSettingBody = z.object({
  kind: z.enum(lineKinds),
  region: z
    .string()
    .regex(/^\d{2}(\d{2})?(\d{2})?$/)
    .optional()
    .describe('Province (14), prefecture (1409) or county (140929); none for national'),
  effectiveFrom: isoDate,
  value: z.number().positive().max(1_000_000),
});

export type StatsDto = z.infer<typeof stats>;
export type StatsBreakdownDto = z.infer<typeof statsBreakdown>;
export type HouseholdDto = z.infer<typeof household>;
export type CreateHouseholdInput = z.infer<typeof createHouseholdBody>;
export type MemberInput = z.infer<typeof memberInput>;

export const ruralPopulationBody = z.object({
  villageCode: unitCode,
  year: z.number().int().min(STATS_FIRST_YEAR).max(STATS_LAST_YEAR),
  population: z.number().int().min(0).max(1_000_000),
});
export const ruralPopulation = z.object({
  villageCode: z.string(),
  year: z.number().int(),
  population: z.number().int(),
});

export const importQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  dryRun: z.enum(['true', 'false']).default('false').describe('Validate and report without writing'),
});

export const exportQuery = z.object({
  unit: unitCode,
  reveal: z.enum(['true', 'false']).optional().describe('Unmasked ID numbers and phones (needs registry.unmask)'),
});

const changeIdNumber = z.string().trim().min(15).max(18);
const addMemberChange = z.object({
  kind: z.literal('add_member'),
  member: memberInput.extend({ relation: z.enum(relations).exclude(['head']) }),
});
const removeMemberChange = z.object({
  kind: z.literal('remove_member'),
  idNumber: changeIdNumber,
  endOn: isoDate.optional().describe('When the membership ended (death, marriage away…); default the approval day'),
});
const transferMemberChange = z.object({
  kind: z.literal('transfer_member'),
  idNumber: changeIdNumber,
  toHouseholdNumber: z.string().trim().min(1).max(30),
  relation: z.enum(relations).exclude(['head']),
});
const correctIdChange = z.object({
  kind: z.literal('correct_id'),
  idNumber: changeIdNumber,
  correctIdNumber: changeIdNumber,
});
const changeHeadChange = z.object({
  kind: z.literal('change_head'),
  newHeadIdNumber: changeIdNumber,
  formerHeadRelation: z.enum(relations).exclude(['head']),
});
/** A change as stored and applied: the member concerned named by their full ID number. */
export const changeRequestPayload = z.discriminatedUnion('kind', [
  addMemberChange,
  removeMemberChange,
  transferMemberChange,
  correctIdChange,
  changeHeadChange,
]);
export type ChangeRequestPayload = z.infer<typeof changeRequestPayload>;
/**
 * A change as filed: the member concerned by full ID number, or — for a user who sees ID numbers masked — by
 * `personId` from the household's member list; the service resolves it to the number before storing.
 */
const memberRef = {
  idNumber: changeIdNumber.optional(),
  personId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .describe('A current member, instead of the ID number'),
};
export const filedChange = z.discriminatedUnion('kind', [
  addMemberChange,
  removeMemberChange.extend(memberRef),
  transferMemberChange.extend(memberRef),
  correctIdChange.extend(memberRef),
  changeHeadChange.extend({ newHeadIdNumber: changeIdNumber.optional(), personId: memberRef.personId }),
]);
export type FiledChange = z.infer<typeof filedChange>;
export const createChangeRequestBody = z.object({ change: filedChange, reason });
export const approvalSteps = ['village', 'township', 'county'] as const;

export const changeRequest = z
  .object({
    id: z.string(),
    householdId: z.string(),
    householdNumber: z.string(),
    kind: z.string(),
    change: z.unknown().describe('The requested change; ID numbers masked'),
    reason: z.string(),
    status: z.enum(['pending', 'applied', 'rejected']),
    nextStep: z.enum(approvalSteps).nullable(),
    decisions: z.array(
      z.object({ step: z.string(), decision: z.string(), comment: z.string().nullable(), decidedAt: z.string() }),
    ),
    requestedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RegistryChangeRequest' });

export const changeRequestIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
export const listChangeRequestsQuery = z.object({
  status: z.enum(['pending', 'applied', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const decideBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(500).optional(),
  version,
});

export const sampleCheckBody = z.object({
  countyCode: unitCode,
  year: z.number().int().min(STATS_FIRST_YEAR).max(STATS_LAST_YEAR),
  sampledExited: z.number().int().min(0),
  wronglyExited: z.number().int().min(0),
  sampledUnregistered: z.number().int().min(0),
  verifiedMissed: z.number().int().min(0),
  recognition: z.number().min(0).max(1).describe('Public recognition found by the assessment, a fraction'),
});
export const sampleCheck = sampleCheckBody.extend({ id: z.string() });

export const exitApplicationBody = z.object({
  unitCode: unitCode.describe('A village (level 5) or a county (level 3)'),
  year: z.number().int().min(STATS_FIRST_YEAR).max(STATS_LAST_YEAR).describe('Judged on the end-of-year figures'),
  conditions: z
    .object({ roads: z.boolean(), water: z.boolean(), power: z.boolean(), clinic: z.boolean() })
    .optional()
    .describe('Villages: the province’s conditions beyond incidence, as verified'),
});

export const exitApplication = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    level: z.enum(['village', 'county']),
    year: z.number().int(),
    status: z.enum(['under_review', 'approved', 'rejected']),
    nextStep: z.string().nullable(),
    checks: z.array(check),
    reviews: z.array(z.object({ step: z.string(), decision: z.string(), comment: z.string().nullable() })),
    version: z.number().int(),
  })
  .meta({ id: 'RegistryExitApplication' });

export const exitAssessmentQuery = z.object({ unit: unitCode, year: statsQuery.shape.year });
export const exitAssessment = z.object({
  unitCode: z.string(),
  level: z.enum(['village', 'county']),
  year: z.number().int(),
  passed: z.boolean(),
  checks: z.array(check),
});

export const exitOverviewQuery = z.object({
  unit: unitCode.describe('The villages or counties under this unit'),
  year: statsQuery.shape.year,
  level: z.enum(['village', 'county']),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const exitOverview = z.object({
  items: z.array(
    exitAssessment.extend({
      unitName: z.string(),
      application: z
        .object({ id: z.string(), status: exitApplication.shape.status, nextStep: z.string().nullable() })
        .nullable()
        .describe('The latest application for the year'),
    }),
  ),
  total: z.number().int(),
});
export const relocationBody = z.object({
  name: z.string().trim().min(2).max(100),
  destinationVillageCode: unitCode,
  originVillageCodes: z.array(unitCode).min(1).max(50),
  movedOn: isoDate,
  households: z.number().int().min(0),
  persons: z.number().int().min(1),
  housingAreaM2: z.number().min(0),
  reclaimedPlotM2: z.number().min(0).default(0),
});
const namedUnit = z.object({ code: z.string(), name: z.string() });
export const relocationProject = z
  .object({
    id: z.string(),
    name: z.string(),
    destinationVillage: namedUnit,
    originVillages: z.array(namedUnit),
    movedOn: z.string(),
    households: z.number().int(),
    persons: z.number().int(),
    housingAreaM2: z.number(),
    areaPerPersonM2: z.number(),
    reclaimedPlotM2: z.number(),
  })
  .meta({ id: 'RegistryRelocationProject' });
export const relocationQuery = z.object({ unit: unitCode });

export const duplicateStatuses = ['pending', 'kept_existing', 'kept_new', 'corrected'] as const;
export const duplicateCase = z
  .object({
    id: z.string(),
    idNumber: z.string().describe('Masked'),
    name: z.string(),
    relation: z.string().describe('The relation the claim gave the person'),
    householdId: z.string().describe('The household that claimed the person'),
    householdNumber: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    existingHouseholdId: z.string().nullable().describe('The household the person belonged to (may be the same)'),
    existingHouseholdNumber: z.string().nullable(),
    existingVillageName: z.string().nullable(),
    sameHousehold: z.boolean().describe('The number was repeated within one household'),
    source: z.enum(['registration', 'change_request']),
    changeRequestId: z.string().nullable(),
    status: z.enum(duplicateStatuses),
    decidedOn: z.string().nullable(),
    reason: z.string().nullable(),
    correctedIdNumber: z.string().nullable().describe('Masked'),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RegistryDuplicateCase' });
export const listDuplicatesQuery = z.object({
  unit: unitCode.optional().describe('Only cases touching a household under this unit'),
  status: z.enum(duplicateStatuses).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Household number (either side), or the exact name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const duplicatePage = z.object({
  items: z.array(duplicateCase),
  total: z.number().int(),
  counts: z
    .object({
      pending: z.number().int(),
      kept_existing: z.number().int(),
      kept_new: z.number().int(),
      corrected: z.number().int(),
    })
    .describe('Cases per status under the same unit and search filter'),
});
export const decideDuplicateBody = z
  .object({
    decision: z.enum(duplicateDecisions),
    effectiveOn: isoDate.optional().describe('When a moved person left the other household; default today'),
    reason,
    correctIdNumber: z
      .string()
      .trim()
      .min(15)
      .max(18)
      .optional()
      .describe('For correct_id (required there): the claimed person’s right number'),
    version,
  })
  .refine((body) => body.decision !== 'correct_id' || body.correctIdNumber !== undefined, {
    path: ['correctIdNumber'],
    message: 'required to correct the ID number',
  });
export type DecideDuplicateInput = z.infer<typeof decideDuplicateBody>;
