import { isRecord } from '../common/is-record.ts';

/** The change kinds the server accepts, in the order the form offers them. */
export const CHANGE_KINDS = ['add_member', 'remove_member', 'transfer_member', 'correct_id', 'change_head'] as const;
export type FiledChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A one-line account of a requested change (ID numbers arrive masked): its fields other than the kind, each
 * named by `label`, a member added shown by name.
 */
export function describeChange(change: unknown, label: (field: string, value: string) => string): string {
  if (!isRecord(change)) return '';
  return Object.entries(change)
    .filter(([key]) => key !== 'kind')
    .map(([key, value]) => {
      if (isRecord(value)) return label(key, typeof value.name === 'string' ? value.name : '…');
      return label(key, String(value));
    })
    .join('; ');
}
