import type { Executor } from '../../platform/database.ts';

export function selectJobs(db: Executor) {
  return db
    .selectFrom('job_run as j')
    .leftJoin('app_user as u', 'u.id', 'j.requested_by')
    .selectAll('j')
    .select('u.username as requested_by_name');
}
export type JobRow = Awaited<ReturnType<ReturnType<typeof selectJobs>['executeTakeFirstOrThrow']>>;

export function findJob(db: Executor, id: string) {
  return selectJobs(db).where('j.id', '=', id).executeTakeFirst();
}

export function recentJobs(db: Executor, options: { kind?: string; limit: number }) {
  let query = selectJobs(db).orderBy('j.id', 'desc').limit(options.limit);
  if (options.kind) query = query.where('j.kind', '=', options.kind);
  return query.execute();
}
