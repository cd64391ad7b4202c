import { isRecord } from '../../common/is-record.ts';

/** The job kind the server gives division imports. */
export const DIVISION_IMPORT_KIND = 'org.import_divisions';

/** A province (14), prefecture (1409) or county (140929) code, or the whole country. */
export const PREFIX_PATTERN = /^(\d{2}|\d{4}|\d{6}|all)$/;
export const WHOLE_COUNTRY = 'all';

export type DivisionImportResult = { prefix: string; read: number; inserted: number; existing: number };

/** What a finished import reports; undefined for anything else (a job still running, or failed). */
export function divisionImportResult(result: unknown): DivisionImportResult | undefined {
  if (!isRecord(result)) return undefined;
  const { prefix, read, inserted, existing } = result;
  if (typeof prefix !== 'string' || typeof read !== 'number') return undefined;
  if (typeof inserted !== 'number' || typeof existing !== 'number') return undefined;
  return { prefix, read, inserted, existing };
}

/** The prefix an import was asked for ('all' for the whole country), from the job's parameters. */
export function divisionImportPrefix(params: unknown): string | undefined {
  return isRecord(params) && typeof params.prefix === 'string' ? params.prefix : undefined;
}
