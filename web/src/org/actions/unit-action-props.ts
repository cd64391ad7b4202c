import type { OrgUnit } from '../../api/types.ts';
import type { OrgWrite } from '../org-queries.ts';

/** What each action modal gets from the unit's action bar. */
export type UnitActionProps = {
  unit: OrgUnit;
  open: boolean;
  write: (change: OrgWrite) => Promise<OrgUnit>;
  onReload: () => void;
  onClose: () => void;
};
