/** An object whose fields can be read, for checking the shape of an answer typed `unknown` (job params, results). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
