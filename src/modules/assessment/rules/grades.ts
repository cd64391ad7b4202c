/**
 * Grades are stable codes the UI translates: excellent 优秀, good 良好, pass 合格, fail 不合格. A scale is
 * in the points of its scheme, so a 180-point scheme states its own thresholds.
 */
export type GradeBand = { grade: string; atLeast: number };

/** Bands from the highest threshold down; a total below every band gets `lowest`. */
export type GradeScale = { bands: readonly GradeBand[]; lowest: string };

export const HUNDRED_POINT_GRADES: GradeScale = {
  bands: [
    { grade: 'excellent', atLeast: 90 },
    { grade: 'good', atLeast: 80 },
    { grade: 'pass', atLeast: 60 },
  ],
  lowest: 'fail',
};

export function gradeFor(total: number, scale: GradeScale): string {
  return scale.bands.find((band) => total >= band.atLeast)?.grade ?? scale.lowest;
}
