import { appendAudit } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { sumStatsByUnit, unitByCode } from './queries.ts';
import { sampleTotalsByCounty } from './exit-queries.ts';
import type { RuleCheck } from './rules/rule-check.ts';
import {
  checkCountyExit,
  checkVillageExit,
  exitIncidence,
  incidence,
  missedRate,
  type VillageConditions,
  wrongExitRate,
} from './rules/village-county-exit.ts';
import { lineHistory } from './settings.ts';
import { settingForYear } from './rules/poverty-lines.ts';

/** Review steps after the application: a village's by the township and county, a county's up to approval. */
const REVIEW_STEPS = {
  village: ['township', 'county'],
  county: ['prefecture', 'province', 'third_party', 'approval'],
} as const;

const NO_CONDITIONS: VillageConditions = { roads: false, water: false, power: false, clinic: false };

async function exitUnit(ctx: ServiceContext, code: string, permission: 'registry.read' | 'registry.write') {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, permission, unit);
  if (unit.level !== 5 && unit.level !== 3) {
    throw new AppError('REGISTRY_UNIT_LEVEL', { code: unit.code, level: '3/5' }, [
      { field: 'unitCode', code: 'not_village_or_county', message: unit.code },
    ]);
  }
  return { ...unit, exitLevel: unit.level === 5 ? ('village' as const) : ('county' as const) };
}

type ExitUnit = { id: number; code: string; path: string; exitLevel: 'village' | 'county' };
type Assessment = { passed: boolean; checks: RuleCheck<string>[] };

/**
 * The computed exit metrics of villages or counties for a year, against the thresholds, with every reason —
 * in a fixed number of statements however many units: their end-of-year figures in one roll-up, the
 * threshold history once, the counties' sample checks summed in one query.
 */
async function assessAll(
  db: Executor,
  units: readonly ExitUnit[],
  year: number,
  conditions: VillageConditions,
): Promise<Assessment[]> {
  if (units.length === 0) return [];
  const counties = units.filter((unit) => unit.exitLevel === 'county').map((unit) => unit.id);
  const [figures, thresholds, samples] = await Promise.all([
    sumStatsByUnit(db, { codes: units.map((unit) => unit.code), year }),
    lineHistory(db, 'incidence_threshold'),
    sampleTotalsByCounty(db, { countyIds: counties, year }),
  ]);
  const byCode = new Map(figures.map((row) => [row.code, row]));
  const samplesOf = new Map(samples.map((row) => [row.county_id, row]));
  return units.map((unit) => {
    const stats = byCode.get(unit.code);
    const poor = Number(stats?.poor_persons ?? 0);
    const ruralPopulation = Number(stats?.rural_population ?? 0);
    const threshold = settingForYear(thresholds, year, unit.code)?.value;
    if (threshold === undefined) throw new AppError('REGISTRY_SETTING_MISSING', { kind: 'incidence_threshold', year });
    if (unit.exitLevel === 'village') {
      return checkVillageExit({ incidence: incidence(poor, ruralPopulation), threshold, conditions });
    }
    const sample = samplesOf.get(unit.id) ?? NO_SAMPLES;
    return checkCountyExit({
      exitIncidence: exitIncidence({
        remainingRegisteredPoor: poor,
        missed: sample.verified_missed,
        wronglyExited: sample.wrongly_exited,
        ruralPopulation,
      }),
      wrongExitRate: wrongExitRate(sample.wrongly_exited, sample.sampled_exited),
      missedRate: missedRate(sample.verified_missed, sample.sampled_unregistered),
      recognition: sample.recognition === null ? null : Number(sample.recognition),
      incidenceThreshold: threshold,
    });
  });
}

const NO_SAMPLES = {
  sampled_exited: 0,
  wrongly_exited: 0,
  sampled_unregistered: 0,
  verified_missed: 0,
  recognition: null,
};

export async function assessExit(ctx: ServiceContext, options: { unit: string; year: number }) {
  const [assessment] = await assessUnitsExit(ctx, [await exitUnit(ctx, options.unit, 'registry.read')], options.year);
  return assessment!;
}

/** The assessments of villages and counties the caller may read (checked by the caller), in the units' order. */
export async function assessUnitsExit(
  ctx: ServiceContext,
  units: readonly { id: number; code: string; path: string; level: number | null }[],
  year: number,
) {
  const exitUnits = units.map((unit) => ({
    ...unit,
    exitLevel: unit.level === 5 ? ('village' as const) : ('county' as const),
  }));
  const outcomes = await assessAll(ctx.db, exitUnits, year, NO_CONDITIONS);
  return exitUnits.map((unit, index) => {
    // Villages' conditions are verified on application; the assessment shows the incidence part.
    const checks = unit.exitLevel === 'village' ? outcomes[index]!.checks.slice(0, 1) : outcomes[index]!.checks;
    return { unitCode: unit.code, level: unit.exitLevel, year, passed: checks.every((c) => c.passed), checks };
  });
}

export async function recordSampleCheck(
  ctx: ServiceContext,
  options: {
    countyCode: string;
    year: number;
    sampledExited: number;
    wronglyExited: number;
    sampledUnregistered: number;
    verifiedMissed: number;
    recognition: number;
  },
) {
  const county = await exitUnit(ctx, options.countyCode, 'registry.write');
  authorize(ctx.access, 'registry.approve', county);
  if (county.exitLevel !== 'county') {
    throw new AppError('REGISTRY_UNIT_LEVEL', { code: county.code, level: 3 }, [
      { field: 'countyCode', code: 'not_a_county', message: county.code },
    ]);
  }
  const id = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('registry_sample_check')
      .values({
        county_id: county.id,
        year: options.year,
        sampled_exited: options.sampledExited,
        wrongly_exited: options.wronglyExited,
        sampled_unregistered: options.sampledUnregistered,
        verified_missed: options.verifiedMissed,
        recognition: options.recognition,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.sample_check_recorded',
        entity: 'registry_sample_check',
        entityId: row.id,
        unitPath: county.path,
        after: options,
      },
      ctx.clock.now(),
    );
    return row.id;
  });
  return { id, ...options, countyCode: county.code };
}

async function presentApplication(db: Executor, id: string) {
  const row = await db
    .selectFrom('registry_exit_application as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.code', 'u.name'])
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow();
  const reviews = await db
    .selectFrom('registry_exit_review')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    unitCode: row.code,
    unitName: row.name,
    level: row.level,
    year: row.year,
    status: row.status,
    nextStep: row.next_step,
    checks: (row.outcome as { checks: RuleCheck<string>[] }).checks,
    reviews: reviews.map((r) => ({ step: r.step, decision: r.decision, comment: r.comment })),
    version: row.version,
  };
}

/**
 * Applies for a village's or county's exit: the metrics are computed now from the live statistics and the
 * recorded sample checks; a failing check refuses the application with every reason, a passing one starts
 * the review steps.
 */
export async function applyForExit(
  ctx: ServiceContext,
  options: { unitCode: string; year: number; conditions?: VillageConditions },
) {
  const unit = await exitUnit(ctx, options.unitCode, 'registry.write');
  const [outcome] = (await assessAll(ctx.db, [unit], options.year, options.conditions ?? NO_CONDITIONS)) as [
    Assessment,
  ];
  const failed = outcome.checks.filter((c) => !c.passed);
  if (failed.length > 0) {
    throw new AppError(
      'REGISTRY_CHECKS_FAILED',
      { failed: failed.map((c) => c.name).join(', ') },
      failed.map((c) => ({
        field: c.name,
        code: `check_${c.name}`,
        message:
          c.actual === undefined ? 'not met' : `${String(c.actual)} ${c.comparison ?? ''} ${String(c.required ?? '')}`,
      })),
    );
  }
  const id = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('registry_exit_application')
      .values({
        unit_id: unit.id,
        level: unit.exitLevel,
        year: options.year,
        next_step: REVIEW_STEPS[unit.exitLevel][0],
        conditions: JSON.stringify(options.conditions ?? {}),
        outcome: JSON.stringify(outcome),
        applied_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.exit_applied',
        entity: 'registry_exit_application',
        entityId: row.id,
        unitPath: unit.path,
        after: { unit: unit.code, year: options.year, checks: outcome.checks },
      },
      ctx.clock.now(),
    );
    return row.id;
  });
  return presentApplication(ctx.db, id);
}

export async function listExitApplications(ctx: ServiceContext) {
  authorize(ctx.access, 'registry.read');
  const rows = await ctx.db
    .selectFrom('registry_exit_application as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select('a.id')
    .where((eb) => eb.or(ctx.access.scopePaths.map((scope) => eb('u.path', 'like', `${scope}%`))))
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
  return Promise.all(rows.map((row) => presentApplication(ctx.db, row.id)));
}

/** One review step: approval moves to the next step (or approves at the last), rejection ends it. */
export async function reviewExitApplication(
  ctx: ServiceContext,
  options: { id: string; decision: 'approve' | 'reject'; comment?: string; version: number },
) {
  authorize(ctx.access, 'registry.approve');
  await ctx.db.transaction().execute(async (tx) => {
    const application = await tx
      .selectFrom('registry_exit_application as a')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .selectAll('a')
      .select(['u.code', 'u.path'])
      .where('a.id', '=', options.id)
      .forUpdate('a')
      .executeTakeFirst();
    if (!application) throw new AppError('REGISTRY_EXIT_APPLICATION_NOT_FOUND', { id: options.id });
    authorize(ctx.access, 'registry.approve', { code: application.code, path: application.path });
    if (application.status !== 'under_review' || !application.next_step) {
      throw new AppError('REGISTRY_CHANGE_REQUEST_CLOSED', { status: application.status });
    }
    if (application.version !== options.version)
      throw new AppError('VERSION_CONFLICT', { current: application.version });
    const steps: readonly string[] = REVIEW_STEPS[application.level];
    const next = options.decision === 'approve' ? (steps[steps.indexOf(application.next_step) + 1] ?? null) : null;
    const status = options.decision === 'reject' ? 'rejected' : next === null ? 'approved' : 'under_review';
    await tx
      .insertInto('registry_exit_review')
      .values({
        application_id: application.id,
        step: application.next_step,
        decision: options.decision,
        comment: options.comment ?? null,
        decided_by: ctx.actor.userId,
      })
      .execute();
    await tx
      .updateTable('registry_exit_application')
      .set({ status, next_step: next, version: application.version + 1 })
      .where('id', '=', application.id)
      .execute();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.exit_reviewed',
        entity: 'registry_exit_application',
        entityId: application.id,
        unitPath: application.path,
        before: { status: application.status, step: application.next_step },
        after: { status, nextStep: next, decision: options.decision, comment: options.comment ?? null },
      },
      ctx.clock.now(),
    );
  });
  return presentApplication(ctx.db, options.id);
}
