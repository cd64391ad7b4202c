/** Code-unit order, the same on every machine (`localeCompare` would depend on the locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}
