import { describe, expect, it } from 'vitest';
import type { Job } from '../api/types.ts';
import { importIssues, registryImportReport } from './registry-import.ts';

const report = {
  dryRun: true,
  rows: 3,
  households: 1,
  newPersons: 2,
  updatedPersons: 1,
  errors: [{ field: '证件号码', row: 2, code: 'checksum', message: 'bad check digit' }],
};

const job = (overrides: Partial<Job>): Job => ({
  id: '1',
  kind: 'registry.import',
  status: 'succeeded',
  phase: 'done',
  done: 3,
  total: 3,
  percent: 100,
  params: {},
  result: null,
  error: null,
  requestedBy: null,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  ...overrides,
});

describe('registry import', () => {
  it('reads the report of a finished import', () => {
    expect(registryImportReport(report)).toEqual(report);
  });

  it.each([null, undefined, 'done', {}, { ...report, rows: '3' }, { ...report, errors: null }])(
    'has no report for %j',
    (result) => {
      expect(registryImportReport(result)).toBeUndefined();
    },
  );

  it('lists the problems of a dry run from its report', () => {
    expect(importIssues(job({ result: report }))).toEqual(report.errors);
  });

  it('lists the problems of a refused import from its error', () => {
    const error = { code: 'REGISTRY_IMPORT_INVALID', message: 'refused', details: report.errors };
    expect(importIssues(job({ status: 'failed', error }))).toEqual(report.errors);
  });
});
