import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { loadAddressCodes } from './address-codes.ts';
import { type IdNumberRejection, type ValidIdNumber, validateIdNumber } from './rules/id-number.ts';

let addressCodes: Promise<ReadonlySet<string>> | undefined;

/** The address-code table is read once per process: about 7,000 codes, current and retired. */
export function knownAddressCodes(): Promise<ReadonlySet<string>> {
  addressCodes ??= loadAddressCodes();
  return addressCodes;
}

/** A validator bound to the address codes and a day, for checking many numbers without awaiting each. */
export async function idNumberValidator(today: string) {
  const codes = await knownAddressCodes();
  return (input: string) => validateIdNumber(input, { isKnownAddressCode: (code) => codes.has(code), today });
}

/** The rejection as one field issue: the stable reason code and its figures, readable in both languages. */
export function idNumberIssue(field: string, rejection: IdNumberRejection, row?: number): FieldIssue {
  const figures = Object.entries(rejection.params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return { field, ...(row === undefined ? {} : { row }), code: `id_${rejection.reason}`, message: figures };
}

/** Validates every number and refuses them all at once, each with its field and exact reason. */
export async function validateIdNumbers(
  entries: readonly { field: string; idNumber: string }[],
  today: string,
): Promise<ValidIdNumber[]> {
  const validate = await idNumberValidator(today);
  const issues: FieldIssue[] = [];
  const valid: ValidIdNumber[] = [];
  for (const entry of entries) {
    const result = validate(entry.idNumber);
    if (result.ok) valid.push(result);
    else issues.push(idNumberIssue(entry.field, result));
  }
  if (issues.length > 0) {
    throw new AppError('REGISTRY_ID_NUMBER_INVALID', { reason: issues.map((i) => i.code).join(', ') }, issues);
  }
  return valid;
}
