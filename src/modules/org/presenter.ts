import { type DivisionLevel, shortDivisionCode } from './codes.ts';
import type { historyOf, UnitRow } from './queries.ts';
import type { OrgUnitDto } from './schema.ts';

export function presentUnit(row: UnitRow): OrgUnitDto {
  return {
    code: row.code,
    shortCode: row.level === null ? row.code : shortDivisionCode(row.code, row.level as DivisionLevel),
    name: row.name,
    kind: row.kind,
    level: row.level,
    category: row.category,
    parentCode: row.parent_code,
    childCount: row.child_count,
    establishedOn: row.established_on,
    endedOn: row.ended_on,
    endKind: row.end_kind,
    mergedIntoCode: row.merged_into_code,
    version: row.version,
  };
}

type ChangeRow = Awaited<ReturnType<typeof historyOf>>[number];

export function presentChange(row: ChangeRow) {
  return {
    id: row.id,
    change: row.change,
    effectiveOn: row.effective_on,
    reason: row.reason,
    oldName: row.old_name,
    newName: row.new_name,
    oldParentCode: row.old_parent_code,
    newParentCode: row.new_parent_code,
    mergedIntoCode: row.merged_into_code,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
