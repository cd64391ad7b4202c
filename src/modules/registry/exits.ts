import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { sumStats, unitByCode } from './queries.ts';
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
import { lineOn } from './settings.ts';

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

/** The sample checks recorded for a county and year, summed (recognition averaged). */
function sampleTotals(db: Executor, countyId: number, year: number) {
  return db
    .selectFrom('registry_sample_check')
    .select([
      sql<number>`coalesce(sum(sampled_exited), 0)::int`.as('sampled_exited'),
      sql<number>`coalesce(sum(wrongly_exited), 0)::int`.as('wrongly_exited'),
      sql<number>`coalesce(sum(sampled_unregistered), 0)::int`.as('sampled_unregistered'),
      sql<number>`coalesce(sum(verified_missed), 0)::int`.as('verified_missed'),
      sql<string | null>`avg(recognition)`.as('recognition'),
    ])
    .where('county_id', '=', countyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
}

/** The computed exit metrics of a village or county for a year, against the thresholds, with every reason. */
async function assess(
  ctx: ServiceContext,
  unit: { id: number; code: string; path: string; exitLevel: 'village' | 'county' },
  year: number,
  conditions: VillageConditions,
): Promise<{ passed: boolean; checks: RuleCheck<string>[] }> {
  const [stats] = await sumStats(ctx.db, { path: unit.path, years: [year] });
  const poor = Number(stats?.poor_persons ?? 0);
  const ruralPopulation = Number(stats?.rural_population ?? 0);
  const threshold = await lineOn(ctx.db, { kind: 'incidence_threshold', date: `${year}-12-31`, unitCode: unit.code });
  if (unit.exitLevel === 'village') {
    return checkVillageExit({ incidence: incidence(poor, ruralPopulation), threshold, conditions });
  }
  const samples = await sampleTotals(ctx.db, unit.id, year);
  return checkCountyExit({
    exitIncidence: exitIncidence({
      remainingRegisteredPoor: poor,
      missed: samples.verified_missed,
      wronglyExited: samples.wrongly_exited,
      ruralPopulation,
    }),
    wrongExitRate: wrongExitRate(samples.wrongly_exited, samples.sampled_exited),
    missedRate: missedRate(samples.verified_missed, samples.sampled_unregistered),
    recognition: samples.recognition === null ? null : Number(samples.recognition),
    incidenceThreshold: threshold,
  });
}

export async function assessExit(ctx: ServiceContext, options: { unit: string; year: number }) {
  return assessUnitExit(ctx, await exitUnit(ctx, options.unit, 'registry.read'), options.year);
}

/** The assessment of a village or county the caller may read (checked by the caller). */
export async function assessUnitExit(
  ctx: ServiceContext,
  unit: { id: number; code: string; path: string; level: number | null },
  year: number,
) {
  const exitLevel = unit.level === 5 ? ('village' as const) : ('county' as const);
  const outcome = await assess(ctx, { ...unit, exitLevel }, year, NO_CONDITIONS);
  // Villages' conditions are verified on application; the assessment shows the incidence part.
  const checks = exitLevel === 'village' ? outcome.checks.slice(0, 1) : outcome.checks;
  return {
    unitCode: unit.code,
    level: exitLevel,
    year,
    passed: checks.every((c) => c.passed),
    checks,
  };
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
  const outcome = await assess(ctx, unit, options.year, options.conditions ?? NO_CONDITIONS);
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
