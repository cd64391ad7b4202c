import { startJob } from '../../platform/jobs.ts';
import { ROOT_PATH, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { getJob } from '../jobs/service.ts';
import { importDivisions } from './import-divisions.ts';

/**
 * Starts `importDivisions` as a job and answers with it at once, so the web UI can show progress while the
 * national tree (665k units) loads. The tree is the whole country's, so only global-scope users may.
 */
export async function startDivisionImport(
  ctx: ServiceContext & { connectionString: string },
  options: { prefix: string; log?: (error: unknown) => void },
) {
  authorize(ctx.access, 'org.manage', { code: options.prefix || 'all', path: ROOT_PATH });
  const { id, finished } = await startJob(
    ctx.db,
    {
      kind: 'org.import_divisions',
      params: { prefix: options.prefix || 'all' },
      requestedBy: ctx.actor.userId,
      unitPath: ROOT_PATH,
      clock: ctx.clock,
      onUnexpectedError: options.log,
    },
    (report) => importDivisions(ctx, { prefix: options.prefix, onProgress: (p) => report(p) }),
  );
  return { job: await getJob(ctx, { id }), finished };
}
