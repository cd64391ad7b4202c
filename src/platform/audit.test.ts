import { describe, expect, it } from 'vitest';
import { type AuditRecordFields, auditHash, canonicalJson, GENESIS_HASH } from './audit.ts';

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'x' }, c: null };
    const b = { c: null, a: { x: 'x', y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":2,"q":1}]},"b":1,"c":null}');
  });

  it('drops undefined members but keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null, c: 1 })).toBe('{"b":null,"c":1}');
    expect(canonicalJson({ nested: { gone: undefined } })).toBe('{"nested":{}}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
  });

  it('keeps arrays in their order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
    expect(canonicalJson([{ b: 1, a: 2 }, 'z', 'a'])).toBe('[{"a":2,"b":1},"z","a"]');
  });

  it('serialises scalars and keys as JSON does, escapes included', () => {
    expect(canonicalJson('岢岚县 "quoted"\n')).toBe(JSON.stringify('岢岚县 "quoted"\n'));
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson({ 'k"ey': 1 })).toBe('{"k\\"ey":1}');
  });

  it('survives a round trip through JSON (as jsonb hands values back)', () => {
    const value = { z: [1, 'two', { d: false, c: null }], a: { nested: { deep: '深' } } };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });
});

describe('auditHash', () => {
  const record: AuditRecordFields = {
    at: new Date('2024-06-01T08:00:00.123Z'),
    actorId: 3,
    actorName: 'admin1',
    action: 'org.renamed',
    entity: 'org_unit',
    entityId: '140929100000',
    unitPath: '/140000000000/140900000000/140929000000/140929100000/',
    before: { name: '岚漪镇', version: 1 },
    after: { name: '新名', version: 2 },
    requestId: 'req-1',
    clientIp: '127.0.0.1',
  };
  const base = auditHash(GENESIS_HASH, record);

  it('is a hex SHA-256, stable for equal input and independent of key order in before/after', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...record })).toBe(base);
    const reordered = { ...record, before: { version: 1, name: '岚漪镇' }, after: { version: 2, name: '新名' } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(base);
  });

  const changes: [keyof AuditRecordFields, unknown][] = [
    ['at', new Date('2024-06-01T08:00:00.124Z')],
    ['actorId', 4],
    ['actorId', null],
    ['actorName', 'admin2'],
    ['action', 'org.merged'],
    ['entity', 'user'],
    ['entityId', '140929101000'],
    ['entityId', null],
    ['unitPath', '/140000000000/140900000000/140902000000/'],
    ['unitPath', null],
    ['before', { name: '岚漪镇', version: 2 }],
    ['before', null],
    ['after', { name: '新名 ', version: 2 }],
    ['after', { name: '新名', version: 2, extra: true }],
    ['requestId', 'req-2'],
    ['clientIp', '10.0.0.1'],
  ];
  it.each(changes)('changes when %s changes (to %j)', (field, value) => {
    expect(auditHash(GENESIS_HASH, { ...record, [field]: value })).not.toBe(base);
  });

  it('depends on the previous hash, so records are chained', () => {
    const next = auditHash(base, record);
    expect(next).not.toBe(base);
    expect(auditHash(base, record)).toBe(next);
    expect(auditHash(next, record)).not.toBe(next);
  });
});
