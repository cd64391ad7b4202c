import { isRecord } from '../common/is-record.ts';
import type { Job } from '../api/types.ts';

export type ImportIssue = { row?: number; field: string; message: string };
export type RegistryImportReport = {
  dryRun: boolean;
  rows: number;
  households: number;
  newPersons: number;
  updatedPersons: number;
  errors: ImportIssue[];
};

function isIssue(value: unknown): value is ImportIssue {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

/** What a finished import (or dry run) reports; undefined for anything else (a job still running, or failed). */
export function registryImportReport(result: unknown): RegistryImportReport | undefined {
  if (!isRecord(result)) return undefined;
  const { dryRun, rows, households, newPersons, updatedPersons, errors } = result;
  if (typeof dryRun !== 'boolean' || !Array.isArray(errors)) return undefined;
  const counts = [rows, households, newPersons, updatedPersons];
  if (!counts.every((count) => typeof count === 'number')) return undefined;
  return {
    dryRun,
    rows: rows as number,
    households: households as number,
    newPersons: newPersons as number,
    updatedPersons: updatedPersons as number,
    errors: errors.filter(isIssue),
  };
}

/**
 * The rows to show as problems: a dry run lists them in its report; an import refuses the whole file and
 * lists them in its error.
 */
export function importIssues(job: Job): ImportIssue[] {
  if (job.status === 'failed') return job.error?.details ?? [];
  return registryImportReport(job.result)?.errors ?? [];
}
