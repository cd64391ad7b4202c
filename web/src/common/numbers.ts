/** A count with the language's thousands separators: 665,483. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
