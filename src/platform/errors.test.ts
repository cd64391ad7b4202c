import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode, errorCatalog, errorMessage, localeFromHeader } from './errors.ts';

const entries = Object.entries(errorCatalog) as [ErrorCode, readonly [number, string, string]][];

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('the error catalogue', () => {
  it('has entries, with codes in SCREAMING_SNAKE_CASE', () => {
    expect(entries.length).toBeGreaterThan(10);
    for (const [code] of entries) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it.each(entries)('%s has an error status and a message in both languages', (code, [status, zh, en]) => {
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(zh.trim().length).toBeGreaterThan(0);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(new AppError(code).status).toBe(status);
  });

  it.each(entries)('%s uses the same placeholders in Chinese and English', (_, [, zh, en]) => {
    expect(placeholders(zh)).toEqual(placeholders(en));
  });
});

describe('errorMessage', () => {
  it('answers in Chinese or English and fills in every parameter', () => {
    expect(errorMessage('USERNAME_TAKEN', 'zh-CN', { username: 'kelan01' })).toBe('用户名 kelan01 已存在');
    expect(errorMessage('USERNAME_TAKEN', 'en', { username: 'kelan01' })).toBe('The username kelan01 is already taken');
    expect(errorMessage('ORG_UNIT_ENDED', 'en', { code: '140929100', date: '2019-06-30' })).toBe(
      'Unit 140929100 ended on 2019-06-30 and can no longer change',
    );
    expect(errorMessage('ORG_HAS_ACTIVE_CHILDREN', 'zh-CN', { count: 3 })).toContain('仍有 3 个下级单元');
  });

  it('replaces every occurrence and leaves a missing parameter visible rather than inventing one', () => {
    expect(errorMessage('VERSION_CONFLICT', 'en', {})).toContain('{current}');
    expect(errorMessage('VERSION_CONFLICT', 'en', { current: 0 })).toContain('now version 0');
    expect(errorMessage('UNAUTHENTICATED', 'zh-CN', { unused: 'x' })).toBe('请先登录');
  });

  it('does not interpret replacement patterns inside parameter values', () => {
    expect(errorMessage('USERNAME_TAKEN', 'en', { username: '$&$1{username}' })).toBe(
      'The username $&$1{username} is already taken',
    );
  });

  it('produces no leftover placeholder when every parameter is given', () => {
    for (const [code, [, zh, en]] of entries) {
      const params = Object.fromEntries([...placeholders(zh), ...placeholders(en)].map((p) => [p, 'v']));
      expect(errorMessage(code, 'zh-CN', params)).not.toMatch(/\{\w+\}/);
      expect(errorMessage(code, 'en', params)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('AppError', () => {
  it('carries code, parameters and field details', () => {
    const error = new AppError('ORG_UNIT_NOT_FOUND', { code: '149999' }, [
      { field: 'scopes.0', code: 'ORG_UNIT_NOT_FOUND', message: '149999' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('ORG_UNIT_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.params).toEqual({ code: '149999' });
    expect(error.details[0]?.field).toBe('scopes.0');
    expect(new AppError('INTERNAL').details).toEqual([]);
  });
});

describe('localeFromHeader', () => {
  const table: [string | undefined, 'zh-CN' | 'en'][] = [
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['  en-GB', 'en'],
    ['fr-FR', 'zh-CN'],
    ['*', 'zh-CN'],
  ];
  it.each(table)('%j → %s', (header, expected) => {
    expect(localeFromHeader(header)).toBe(expected);
  });
});
