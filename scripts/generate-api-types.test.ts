import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderApiTypes } from './generate-api-types.ts';

it('the web client is typed from the current OpenAPI document (run `npm run gen:api` when this fails)', async () => {
  const { spec, types } = await renderApiTypes();
  expect(await readFile(new URL('../web/src/api/openapi.json', import.meta.url), 'utf8')).toBe(spec);
  expect(await readFile(new URL('../web/src/api/schema.d.ts', import.meta.url), 'utf8')).toBe(types);
});
