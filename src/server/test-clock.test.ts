import { describe, expect, it } from 'vitest';
import { testClockEnabled } from './test-clock.ts';

describe('the test clock', () => {
  it.each([
    [{ BIHUAN_TEST_CLOCK: 'true' }, true],
    [{ BIHUAN_TEST_CLOCK: 'true', NODE_ENV: 'production' }, false],
    [{ BIHUAN_TEST_CLOCK: '1' }, false],
    [{}, false],
  ])('%j → %s', (env, enabled) => {
    expect(testClockEnabled(env)).toBe(enabled);
  });
});
