import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { linkFiles, missingFiles } from '../files/queries.ts';
import {
  bonusClaims,
  decide,
  exemptions,
  insertBonusClaim,
  insertExemption,
  insertVeto,
  schemeEntries,
  type SchemeRow,
  supervisionEvents,
  upsertEnteredScore,
  upsertIndicatorValue,
} from './queries.ts';
import { recomputeDrafts } from './runs.ts';
import { assessedUnit, itemOf, schemeFor } from './schemes.ts';

function found<T>(row: T | undefined, id: string): T {
  if (!row) throw new Error(`application ${id} vanished after a committed change`);
  return row;
}

type Files = { sha256: string; name: string }[];

async function assertFiles(tx: Tx, files: Files) {
  const missing = await missingFiles(
    tx,
    files.map((f) => f.sha256),
  );
  if (missing[0]) throw new AppError('FILE_NOT_FOUND', { sha256: missing[0] });
}

/** Runs one entry by an assessor: the scheme, the unit and the item checked, then one audited transaction. */
async function enter(
  ctx: ServiceContext,
  options: { schemeId: string; unit: string; action: string; after: unknown },
  write: (tx: Tx, scheme: SchemeRow, unitId: number) => Promise<unknown>,
) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.manage');
  const unit = await assessedUnit(ctx, scheme, options.unit, 'assessment.read');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await write(tx, scheme, unit.id);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: options.action,
        entity: 'assessment_scheme',
        entityId: scheme.id,
        unitPath: unit.path,
        after: options.after,
      },
      now,
    );
  });
  return { ok: true as const };
}

export function enterIndicatorValue(
  ctx: ServiceContext,
  options: {
    schemeId: string;
    unit: string;
    itemCode: string;
    period: 'year' | 'Q1' | 'Q2' | 'Q3' | 'Q4';
    actual: number | null;
    target: number;
  },
) {
  return enter(
    ctx,
    { ...options, action: 'assessment.indicator_value', after: options },
    async (tx, scheme, unitId) => {
      itemOf(scheme, options.itemCode, 'attainment');
      await upsertIndicatorValue(tx, { ...options, schemeId: scheme.id, unitId });
    },
  );
}

export function enterScore(
  ctx: ServiceContext,
  options: { schemeId: string; unit: string; itemCode: string; score: number },
) {
  return enter(ctx, { ...options, action: 'assessment.entered_score', after: options }, async (tx, scheme, unitId) => {
    itemOf(scheme, options.itemCode, 'entered');
    await upsertEnteredScore(tx, { ...options, schemeId: scheme.id, unitId, userId: ctx.actor.userId });
  });
}

export function recordVeto(
  ctx: ServiceContext,
  options: { schemeId: string; unit: string; itemCode: string; occurredOn: string; reason: string },
) {
  return enter(ctx, { ...options, action: 'assessment.veto', after: options }, async (tx, scheme, unitId) => {
    itemOf(scheme, options.itemCode, 'veto');
    await insertVeto(tx, { ...options, on: options.occurredOn, schemeId: scheme.id, unitId, userId: ctx.actor.userId });
  });
}

/**
 * Everything entered against the scheme that the caller may see: the assessing unit sees every assessed
 * unit's entries, an assessed unit its own.
 */
export async function listEntries(ctx: ServiceContext, options: { schemeId: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.read');
  const visible = <Row extends { unit_path: string }>(rows: Row[]) =>
    rows.filter((row) => pathInScope(ctx.access, row.unit_path) || pathInScope(ctx.access, scheme.unit_path));
  const unitOf = (row: { unit_code: string; unit_name: string }) => ({ code: row.unit_code, name: row.unit_name });
  const [values, scores, vetoes] = await schemeEntries(ctx.db, scheme.id);
  return {
    indicatorValues: visible(values).map((row) => ({
      unit: unitOf(row),
      itemCode: row.item_code,
      period: row.period,
      actual: row.actual === null ? null : Number(row.actual),
      target: Number(row.target),
    })),
    enteredScores: visible(scores).map((row) => ({
      unit: unitOf(row),
      itemCode: row.item_code,
      score: Number(row.score),
    })),
    vetoes: visible(vetoes).map((row) => ({
      id: row.id,
      unit: unitOf(row),
      itemCode: row.item_code,
      occurredOn: row.occurred_on,
      reason: row.reason,
    })),
  };
}

function presentDecided<
  Row extends {
    unit_code: string;
    unit_name: string;
    status: 'pending' | 'approved' | 'rejected';
    decision_reason: string | null;
    version: number;
    files: Files;
  },
>(row: Row) {
  return {
    unit: { code: row.unit_code, name: row.unit_name },
    status: row.status,
    decisionReason: row.decision_reason,
    files: row.files,
    version: row.version,
  };
}

export async function listBonusClaims(ctx: ServiceContext, options: { schemeId: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.read');
  const rows = (await bonusClaims(ctx.db, scheme.id)).filter(
    (row) => pathInScope(ctx.access, row.unit_path) || pathInScope(ctx.access, scheme.unit_path),
  );
  return rows.map((row) => ({
    id: row.id,
    itemCode: row.item_code,
    points: Number(row.points),
    reason: row.reason,
    ...presentDecided(row),
  }));
}

export async function claimBonus(
  ctx: ServiceContext,
  options: { schemeId: string; unit: string; itemCode: string; points: number; reason: string; files: Files },
) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.apply');
  const unit = await assessedUnit(ctx, scheme, options.unit, 'assessment.apply');
  itemOf(scheme, options.itemCode, 'bonus');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertFiles(tx, options.files);
    const created = await insertBonusClaim(tx, {
      ...options,
      schemeId: scheme.id,
      unitId: unit.id,
      userId: ctx.actor.userId,
    });
    await linkFiles(tx, 'bonus_claim', created.id, options.files);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.bonus_claimed',
        entity: 'assessment_bonus_claim',
        entityId: created.id,
        unitPath: unit.path,
        after: options,
      },
      now,
    );
    return created.id;
  });
  return found(
    (await listBonusClaims(ctx, options)).find((claim) => claim.id === id),
    id,
  );
}

/** Approving or rejecting a bonus claim or an exemption; draft runs are recomputed in the same transaction. */
async function decideApplication(
  ctx: ServiceContext,
  options: { schemeId: string; id: string; decision: 'approve' | 'reject'; reason: string; version: number },
  kind: 'bonus_claim' | 'exemption',
) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.manage');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const [row] =
      kind === 'bonus_claim'
        ? await bonusClaims(tx, scheme.id, { id: options.id, forUpdate: true })
        : await exemptions(tx, scheme.id, { id: options.id, forUpdate: true });
    if (!row)
      throw new AppError(kind === 'bonus_claim' ? 'BONUS_CLAIM_NOT_FOUND' : 'EXEMPTION_NOT_FOUND', { id: options.id });
    if (row.status !== 'pending') throw new AppError('ALREADY_DECIDED');
    if (row.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
    const status = options.decision === 'approve' ? 'approved' : 'rejected';
    await decide(tx, kind === 'bonus_claim' ? 'assessment_bonus_claim' : 'assessment_exemption', row.id, {
      status,
      reason: options.reason,
      userId: ctx.actor.userId,
    });
    if (status === 'approved') await recomputeDrafts(tx, scheme.id);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: `assessment.${kind}_${status}`,
        entity: `assessment_${kind}`,
        entityId: row.id,
        unitPath: row.unit_path,
        after: { reason: options.reason },
      },
      now,
    );
  });
}

export async function decideBonusClaim(
  ctx: ServiceContext,
  options: { schemeId: string; id: string; decision: 'approve' | 'reject'; reason: string; version: number },
) {
  await decideApplication(ctx, options, 'bonus_claim');
  return found(
    (await listBonusClaims(ctx, options)).find((claim) => claim.id === options.id),
    options.id,
  );
}

/** The deductions held against a unit this year: what an exemption can be applied against. */
export async function listDeductions(ctx: ServiceContext, options: { schemeId: string; code: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.read');
  const unit = await assessedUnit(ctx, scheme, options.code, 'assessment.read');
  const events = await supervisionEvents(ctx.db, [unit.id], {
    from: `${scheme.year}-01-01`,
    to: `${scheme.year}-12-31`,
  });
  return events
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.eventId < b.eventId ? -1 : 1))
    .map((event) => ({
      eventId: event.eventId,
      kind: event.kind,
      on: event.on,
      taskId: event.task_id,
      taskTitle: event.title,
    }));
}

export async function listExemptions(ctx: ServiceContext, options: { schemeId: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.read');
  const rows = (await exemptions(ctx.db, scheme.id)).filter(
    (row) => pathInScope(ctx.access, row.unit_path) || pathInScope(ctx.access, scheme.unit_path),
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    reason: row.reason,
    reducePoints: row.reduce_points === null ? null : Number(row.reduce_points),
    appliedAt: new Date(row.applied_at).toISOString(),
    ...presentDecided(row),
  }));
}

/** Error tolerance (容错免责): a unit applies, with reasons and evidence, against one deduction held against it. */
export async function applyForExemption(
  ctx: ServiceContext,
  options: {
    schemeId: string;
    unit: string;
    eventId: string;
    reason: string;
    reducePoints: number | null;
    files: Files;
  },
) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.apply');
  const unit = await assessedUnit(ctx, scheme, options.unit, 'assessment.apply');
  const held = await listDeductions(ctx, { schemeId: scheme.id, code: unit.code });
  if (!held.some((event) => event.eventId === options.eventId))
    throw new AppError('EXEMPTION_EVENT_UNKNOWN', { event: options.eventId });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertFiles(tx, options.files);
    const created = await insertExemption(tx, {
      ...options,
      schemeId: scheme.id,
      unitId: unit.id,
      userId: ctx.actor.userId,
      at: now,
    });
    await linkFiles(tx, 'exemption', created.id, options.files);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.exemption_applied',
        entity: 'assessment_exemption',
        entityId: created.id,
        unitPath: unit.path,
        after: options,
      },
      now,
    );
    return created.id;
  });
  return found(
    (await listExemptions(ctx, options)).find((row) => row.id === id),
    id,
  );
}

export async function decideExemption(
  ctx: ServiceContext,
  options: { schemeId: string; id: string; decision: 'approve' | 'reject'; reason: string; version: number },
) {
  await decideApplication(ctx, options, 'exemption');
  return found(
    (await listExemptions(ctx, options)).find((row) => row.id === options.id),
    options.id,
  );
}
