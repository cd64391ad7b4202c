import { startJob } from '../../platform/jobs.ts';
import { ROOT_PATH, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { getJob } from '../jobs/service.ts';
import { readLayout } from './import-layout.ts';
import { importRegistry } from './import-registry.ts';

/** Starts an upload's import (or dry run) as a job, so the web UI shows its progress and then the report. */
export async function startRegistryImport(
  ctx: ServiceContext & { connectionString: string },
  options: { file: Buffer; format: 'csv' | 'xlsx'; dryRun: boolean; log?: (error: unknown) => void },
) {
  authorize(ctx.access, 'registry.manage');
  const { id, finished } = await startJob(
    ctx.db,
    {
      kind: 'registry.import',
      params: { format: options.format, dryRun: options.dryRun, bytes: options.file.length },
      requestedBy: ctx.actor.userId,
      unitPath: ctx.access.scopePaths[0] ?? ROOT_PATH,
      clock: ctx.clock,
      onUnexpectedError: options.log,
    },
    async (report) => {
      const source = await readLayout(options.file, options.format);
      return importRegistry(ctx, { source, dryRun: options.dryRun, onProgress: (p) => report(p) });
    },
  );
  return { job: await getJob(ctx, { id }), finished };
}
