import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';
import * as jobs from './0002-jobs.ts';
import * as registry from './0003-registry.ts';
import * as loop from './0004-loop.ts';
import * as indicators from './0005-indicators.ts';
import * as loopBulkWrites from './0006-loop-bulk-writes.ts';
import * as indicatorPeriodRollups from './0007-indicator-period-rollups.ts';
import * as registryStats from './0008-registry-stats.ts';
import * as registryDuplicates from './0009-registry-duplicates.ts';
import * as loopPassWrites from './0010-loop-pass-writes.ts';
import * as registryShapeFigures from './0011-registry-shape-figures.ts';
import * as indicatorWeightedRollups from './0012-indicator-weighted-rollups.ts';
import * as indicatorValuePathIndex from './0013-indicator-value-path-index.ts';
import * as indicatorChangeLogKey from './0014-indicator-change-log-key.ts';

/** Migrations in the order they apply; a new one is appended here, never inserted before an applied one. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-jobs': jobs,
  '0003-registry': registry,
  '0004-loop': loop,
  '0005-indicators': indicators,
  '0006-loop-bulk-writes': loopBulkWrites,
  '0007-indicator-period-rollups': indicatorPeriodRollups,
  '0008-registry-stats': registryStats,
  '0009-registry-duplicates': registryDuplicates,
  '0010-loop-pass-writes': loopPassWrites,
  '0011-registry-shape-figures': registryShapeFigures,
  '0012-indicator-weighted-rollups': indicatorWeightedRollups,
  '0013-indicator-value-path-index': indicatorValuePathIndex,
  '0014-indicator-change-log-key': indicatorChangeLogKey,
};
