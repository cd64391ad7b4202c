import { can, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { loadVisibleTask } from '../tasks/service.ts';
import type { FileOwnerKind } from '../../platform/db-schema.ts';
import { ownerAnchor } from './queries.ts';

/** Whether the caller may see the record a file is linked to, by the same rules as the record itself. */
export async function fileOwnerVisible(
  ctx: ServiceContext,
  link: { owner_kind: FileOwnerKind; owner_id: string | number },
): Promise<boolean> {
  const anchor = await ownerAnchor(ctx.db, link);
  if (anchor.taskId) {
    return loadVisibleTask(ctx, ctx.db, anchor.taskId).then(
      () => true,
      () => false,
    );
  }
  if (!anchor.unitPath) return false;
  const permission = link.owner_kind === 'decision' ? 'plans.read' : 'assessment.read';
  return can(ctx.access, permission) && pathInScope(ctx.access, anchor.unitPath);
}
