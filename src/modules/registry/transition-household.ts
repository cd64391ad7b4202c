import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import {
  hasHead,
  incomeRecordsOf,
  incomesOf,
  type LockedHousehold,
  lockHousehold,
  refreshVillageStats,
} from './queries.ts';
import type { BasicNeeds } from './rules/basic-needs.ts';
import { checkHouseholdExit } from './rules/household-exit.ts';
import { assertTransition, type HouseholdState, type MonitoringKind, nextStatuses } from './rules/lifecycle.ts';
import { checkRiskElimination } from './rules/risk-elimination.ts';
import type { RuleCheck } from './rules/rule-check.ts';
import { getHousehold } from './service.ts';
import { lineOn } from './settings.ts';

type Status = LockedHousehold['status'];

export type TransitionOptions = {
  id: string;
  to: Status;
  monitoringKind?: MonitoringKind;
  effectiveOn: string;
  reason: string;
  steps: { step: string; on: string }[];
  version: number;
};

/** Locks the household for a change: it exists, the caller may write there, and the version is current. */
export async function lockForChange(tx: Tx, ctx: ServiceContext, options: { id: string; version: number }) {
  const household = await lockHousehold(tx, options.id);
  if (!household) throw new AppError('REGISTRY_HOUSEHOLD_NOT_FOUND', { id: options.id });
  authorize(ctx.access, 'registry.write', { code: household.village_code, path: household.village_path });
  if (household.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: household.version });
  return household;
}

function stateOf(household: LockedHousehold): HouseholdState {
  if (household.status === 'monitored' || household.status === 'risk_eliminated') {
    return { status: household.status, kind: household.monitoring_kind ?? 'marginal' };
  }
  return { status: household.status };
}

function targetOf(options: TransitionOptions): HouseholdState {
  if (options.to === 'monitored' || options.to === 'risk_eliminated') {
    return { status: options.to, kind: options.monitoringKind ?? 'unstable_exited' };
  }
  return { status: options.to };
}

/**
 * An identified household that was never registered may also be taken into monitoring as marginal or as
 * having a sudden difficulty: for the lifecycle it has no poverty status yet.
 */
function transitionAllowed(from: HouseholdState, to: HouseholdState) {
  if (from.status === 'identified' && to.status === 'monitored') return assertTransition(null, to);
  return assertTransition(from, to);
}

function basicNeedsOf(household: LockedHousehold): BasicNeeds {
  return {
    food: household.food_secured,
    clothing: household.clothing_secured,
    compulsoryEducation: household.compulsory_education_secured,
    basicMedicalCare: household.basic_medical_care_secured,
    safeHousing: household.safe_housing,
    safeDrinkingWater: household.safe_drinking_water,
  };
}

/** Exit judges the income of the year before the exit appraisal's year-end, against that year's line. */
async function exitChecks(tx: Tx, household: LockedHousehold, effectiveOn: string) {
  const year = Number(effectiveOn.slice(0, 4));
  const income = (await incomesOf(tx, household.id)).find((row) => row.year === year);
  const povertyLine = await lineOn(tx, { kind: 'poverty', date: `${year}-12-31`, unitCode: household.village_code });
  return checkHouseholdExit({
    incomePerCapita: income === undefined ? Number.NaN : Number(income.per_capita_net_income),
    povertyLine,
    basicNeeds: basicNeedsOf(household),
  });
}

async function riskEliminationChecks(tx: Tx, household: LockedHousehold, effectiveOn: string) {
  const monitoringLine = await lineOn(tx, { kind: 'monitoring', date: effectiveOn, unitCode: household.village_code });
  const records = await incomeRecordsOf(tx, household.id);
  return checkRiskElimination({
    evaluationDate: effectiveOn,
    monitoredSince: household.monitored_since ?? effectiveOn,
    monitoringLine,
    incomeRecords: records.map((r) => ({
      firstMonth: r.first_month,
      months: r.months,
      perCapitaIncome: Number(r.per_capita_income),
    })),
    largeUnavoidableCostsResolved: household.large_costs_resolved,
    basicNeeds: basicNeedsOf(household),
  });
}

/** The dates a transition sets; earlier ones stay, so the household's path through the registry is kept. */
function datesFor(to: HouseholdState, on: string) {
  switch (to.status) {
    case 'identified':
      return { identified_on: on };
    case 'registered':
      return { registered_on: on };
    case 'exited':
      return { exited_on: on };
    case 'monitored':
      return { monitored_since: on, risk_eliminated_on: null, monitoring_kind: to.kind };
    case 'risk_eliminated':
      return { risk_eliminated_on: on, monitoring_kind: to.kind };
  }
}

/**
 * Moves a household along its lifecycle: the rule decides whether the status may follow, exit and risk
 * elimination are checked against the stored line settings, and the event (with its checks and procedure
 * steps), the household, its village's statistics and the audit record are written in one transaction.
 */
export async function transitionHousehold(ctx: ServiceContext, options: TransitionOptions) {
  authorize(ctx.access, 'registry.write');
  const today = chinaDateOf(ctx.clock.now());
  if (options.effectiveOn > today) {
    throw new AppError('ORG_EFFECTIVE_DATE_IN_FUTURE', {}, [
      { field: 'effectiveOn', code: 'in_future', message: options.effectiveOn },
    ]);
  }
  const checks = await ctx.db.transaction().execute(async (tx) => {
    const household = await lockForChange(tx, ctx, options);
    // A household whose head waits in the deduplication queue is no complete family yet: its status would be
    // judged on a household that may still change.
    if (!(await hasHead(tx, household.id))) {
      throw new AppError('REGISTRY_HOUSEHOLD_WITHOUT_HEAD', { number: household.number }, [
        { field: 'members', code: 'head_count', message: '0' },
      ]);
    }
    const latest = [
      household.identified_on,
      household.registered_on,
      household.exited_on,
      household.monitored_since,
      household.risk_eliminated_on,
    ].reduce<string>((max, date) => (date !== null && date > max ? date : max), '');
    if (options.effectiveOn < latest) {
      throw new AppError('REGISTRY_DATE_BEFORE_LAST_EVENT', { date: latest }, [
        { field: 'effectiveOn', code: 'before_last_event', message: latest },
      ]);
    }
    const from = stateOf(household);
    const to = targetOf(options);
    const allowed = transitionAllowed(from, to);
    if (!allowed.ok) {
      throw new AppError('REGISTRY_TRANSITION_NOT_ALLOWED', { from: from.status, to: to.status }, [
        {
          field: 'to',
          code: allowed.reason,
          message: nextStatuses(from)
            .map((s) => s.status)
            .join(', '),
        },
      ]);
    }
    let results: RuleCheck<string>[] = [];
    if (to.status === 'exited') results = (await exitChecks(tx, household, options.effectiveOn)).checks;
    if (to.status === 'risk_eliminated')
      results = (await riskEliminationChecks(tx, household, options.effectiveOn)).checks;
    const failed = results.filter((check) => !check.passed);
    if (failed.length > 0) {
      throw new AppError(
        'REGISTRY_CHECKS_FAILED',
        { failed: failed.map((check) => check.name).join(', ') },
        failed.map((check) => ({
          field: check.name,
          code: `check_${check.name}`,
          message:
            check.actual === undefined
              ? 'not met'
              : `${String(check.actual)} ${check.comparison ?? ''} ${String(check.required ?? '')}`.trim(),
        })),
      );
    }
    await tx
      .insertInto('registry_lifecycle_event')
      .values({
        household_id: household.id,
        from_status: household.status,
        to_status: to.status,
        monitoring_kind: 'kind' in to ? to.kind : null,
        effective_on: options.effectiveOn,
        reason: options.reason,
        checks: JSON.stringify(results.map(jsonSafe)),
        steps: JSON.stringify(options.steps),
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await tx
      .updateTable('registry_household')
      .set({ status: to.status, ...datesFor(to, options.effectiveOn), version: household.version + 1 })
      .where('id', '=', household.id)
      .execute();
    await refreshVillageStats(tx, [household.village_id]);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.household_transitioned',
        entity: 'registry_household',
        entityId: household.id,
        unitPath: household.village_path,
        before: { status: household.status, version: household.version },
        after: {
          status: to.status,
          effectiveOn: options.effectiveOn,
          reason: options.reason,
          version: household.version + 1,
        },
      },
      ctx.clock.now(),
    );
    return results;
  });
  return { household: await getHousehold(ctx, { id: options.id, reveal: false }), checks: checks.map(jsonSafe) };
}

/** NaN (an income never recorded) is no JSON number: it is stored and shown as unknown. */
function jsonSafe<T extends { actual?: number | null }>(check: T): T {
  return check.actual !== undefined && check.actual !== null && Number.isNaN(check.actual)
    ? { ...check, actual: null }
    : check;
}
