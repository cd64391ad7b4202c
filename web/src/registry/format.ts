/** A fraction as a percentage with two decimals (incidence 0.0228 → 2.28%); unknown → a dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)}%`;
}
