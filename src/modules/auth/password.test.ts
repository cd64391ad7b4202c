import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assertStrongPassword, decoyPasswordHash, hashPassword, isStrongPassword, verifyPassword } from './password.ts';

describe('isStrongPassword', () => {
  const table: [string, boolean][] = [
    ['abcdefg1', true],
    ['1234567a', true],
    ['Passw0rd-for-tests', true],
    ['密码很长但是abc123', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc1234', false],
    ['', false],
    ['        ', false],
    ['!@#$%^&*()', false],
    ['密码密码密码密码', false],
    ['密码密码密码1234', false],
  ];
  it.each(table)('%j → %s', (password, expected) => {
    expect(isStrongPassword(password)).toBe(expected);
  });

  it('reports a weak password as PASSWORD_TOO_WEAK on the named field', () => {
    try {
      assertStrongPassword('short1', 'newPassword');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('PASSWORD_TOO_WEAK');
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).details).toEqual([
        expect.objectContaining({ field: 'newPassword', code: 'PASSWORD_TOO_WEAK' }),
      ]);
    }
    expect(() => assertStrongPassword('long-enough-1')).not.toThrow();
  });
});

describe('hashing', () => {
  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const first = await hashPassword('Correct-horse-1');
    const second = await hashPassword('Correct-horse-1');
    expect(first.startsWith('$argon2id$')).toBe(true);
    expect(first).toContain('m=19456,t=2,p=1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('Correct-horse-1');
    expect(await verifyPassword(first, 'Correct-horse-1')).toBe(true);
    expect(await verifyPassword(second, 'Correct-horse-1')).toBe(true);
    expect(await verifyPassword(first, 'correct-horse-1')).toBe(false);
    expect(await verifyPassword(first, '')).toBe(false);
  });

  it('answers false rather than throwing for a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything1')).toBe(false);
    expect(await verifyPassword('', 'anything1')).toBe(false);
  });

  it('keeps one decoy hash that no guessed password matches', async () => {
    const decoy = await decoyPasswordHash();
    expect(decoy.startsWith('$argon2id$')).toBe(true);
    expect(await decoyPasswordHash()).toBe(decoy);
    expect(await verifyPassword(decoy, 'password1')).toBe(false);
  });
});
