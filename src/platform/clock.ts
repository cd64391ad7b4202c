/** Time as the application sees it; injectable so tests and demos can move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests (and demo scripts) can set and advance. */
export function manualClock(start: Date): Clock & { set(date: Date): void; advanceDays(days: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date);
    },
    advanceDays: (days) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}

/**
 * Real time shifted by an offset that can only grow or shrink by whole days: what the browser tests use to
 * move a running server past a deadline. Only started when the test clock is explicitly enabled.
 */
export function offsetClock(): Clock & { advanceDays(days: number): void } {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advanceDays: (days) => {
      offsetMs += days * 86_400_000;
    },
  };
}
