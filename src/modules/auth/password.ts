import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';

// Argon2id (the library default) with OWASP's minimum parameters: 19 MiB, 2 passes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash of nothing anyone knows, verified for unknown usernames so timing doesn't reveal which exist. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy-password-never-valid', options);
  return decoyHash;
}

export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

export function assertStrongPassword(password: string, field = 'password'): void {
  if (!isStrongPassword(password)) {
    throw new AppError('PASSWORD_TOO_WEAK', {}, [{ field, code: 'PASSWORD_TOO_WEAK', message: 'weak password' }]);
  }
}
