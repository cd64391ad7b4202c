/**
 * A PostgreSQL array literal (`{1,"a,b",NULL}`) of numbers, strings and nulls, sent as one text parameter
 * and cast in the statement (`::bigint[]`, `::text[]`). The driver builds such a literal itself, but checks,
 * converts and escapes each element through several calls: for the tens of thousands of values of a bulk
 * write that cost more than the statement using them. Every string is quoted, with `"` and `\` escaped, so
 * any text survives, commas, braces and the word NULL included.
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const elements = values.map((value) => {
    if (value === null) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `"${value.replace(/["\\]/g, '\\$&')}"`;
  });
  return `{${elements.join(',')}}`;
}
