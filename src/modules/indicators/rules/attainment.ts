export type Rag = 'green' | 'amber' | 'red';

/**
 * How far the value has come towards the target. With a baseline it is the share of the planned change
 * achieved ((value − baseline) ÷ (target − baseline)), which works for both directions; without one, the
 * ratio value ÷ target, inverted when lower is better.
 */
export function attainment(options: {
  value: number | null;
  target: number | null;
  baseline?: number | null;
  direction: 'up' | 'down';
}): number | null {
  const { value, target, baseline, direction } = options;
  if (value === null || target === null) return null;
  if (baseline !== null && baseline !== undefined && target !== baseline) {
    return (value - baseline) / (target - baseline);
  }
  if (direction === 'up') return target === 0 ? null : value / target;
  return value === 0 ? null : target / value;
}

/** Green at or above `greenAt`, amber at or above `amberAt`, red below; no attainment, no colour. */
export function ragOf(value: number | null, thresholds: { greenAt: number; amberAt: number }): Rag | null {
  if (value === null) return null;
  if (value >= thresholds.greenAt) return 'green';
  if (value >= thresholds.amberAt) return 'amber';
  return 'red';
}

/**
 * A "structural breakthrough": the value passes a set line between two consecutive periods. Reaching the
 * line exactly counts as crossing it upwards.
 */
export function crossing(previous: number | null, current: number | null, line: number): 'up' | 'down' | null {
  if (previous === null || current === null) return null;
  if (previous < line && current >= line) return 'up';
  if (previous >= line && current < line) return 'down';
  return null;
}
