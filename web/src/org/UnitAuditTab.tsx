import { AuditTrail } from '../audit/AuditTrail.tsx';

const columns = ['at', 'actor', 'action', 'changes'] as const;

/** The audit records about this unit, for users who may read the audit log. */
export function UnitAuditTab({ code }: { code: string }) {
  return <AuditTrail filter={{ entity: 'org_unit', entityId: code }} columns={columns} />;
}
