import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** Every leaf key as a dotted path, e.g. `org.actions.rename.title`. */
function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? keyPaths(value as object, path) : [path];
  });
}

/** The `{{name}}` placeholders a message uses. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

function leafAt(messages: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

describe('message catalogues', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it('have no empty messages', () => {
    for (const catalogue of [zhCN, en]) {
      for (const path of keyPaths(catalogue)) expect(leafAt(catalogue, path), path).toMatch(/\S/);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const path of keyPaths(zhCN)) {
      expect(placeholders(String(leafAt(en, path))), path).toEqual(placeholders(String(leafAt(zhCN, path))));
    }
  });
});
