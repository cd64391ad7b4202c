/** One key of an audit record's before/after snapshots, and whether the change touched it. */
export type DiffRow = {
  key: string;
  before: unknown;
  after: unknown;
  change: 'added' | 'removed' | 'changed' | 'same';
};

function asFields(snapshot: unknown): Record<string, unknown> {
  if (snapshot === null || snapshot === undefined) return {};
  if (typeof snapshot === 'object' && !Array.isArray(snapshot)) return snapshot as Record<string, unknown>;
  return { value: snapshot };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Lines up the two snapshots key by key, in the order the keys first appear. */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const old = asFields(before);
  const next = asFields(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  return keys.map((key) => {
    const inOld = key in old;
    const inNext = key in next;
    const change = !inOld ? 'added' : !inNext ? 'removed' : sameValue(old[key], next[key]) ? 'same' : 'changed';
    return { key, before: old[key], after: next[key], change };
  });
}

/** A snapshot value as people read it: strings bare, everything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
