import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { layoutCsv, type LayoutRow } from './import-layout.ts';
import { maskPhone } from './presenter.ts';
import { maskIdNumber } from './rules/id-number.ts';
import { exportRows } from './queries.ts';
import { readableUnit } from './service.ts';

/**
 * The households under a unit in the import layout (current members), masked unless revealed with the
 * permission. Every export is audited, with whether it was revealed and how many rows left the system.
 */
export async function exportRegistry(ctx: ServiceContext, options: { unit: string; reveal: boolean }) {
  const unit = await readableUnit(ctx, options.unit);
  if (options.reveal) authorize(ctx.access, 'registry.unmask');
  const rows = await exportRows(ctx.db, unit.path);
  const layout: LayoutRow[] = rows.map((row) => ({
    household_number: row.number,
    village_code: row.village_code,
    name: row.name,
    id_number: options.reveal ? row.id_number : maskIdNumber(row.id_number),
    relation: row.relation,
    household_type: row.type,
    main_cause: row.main_cause,
    registered_on: row.registered_on ?? '',
    phone: (options.reveal ? row.phone : maskPhone(row.phone)) ?? '',
  }));
  await ctx.db.transaction().execute((tx) =>
    appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.exported',
        entity: 'registry_household',
        entityId: unit.code,
        unitPath: unit.path,
        after: { unit: unit.code, rows: layout.length, revealed: options.reveal },
      },
      ctx.clock.now(),
    ),
  );
  return layoutCsv(layout);
}
