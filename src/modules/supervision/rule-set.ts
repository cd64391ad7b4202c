import type { Executor } from '../../platform/database.ts';
import { DEFAULT_COLOUR_RULES, type ColourRules } from './rules/colour.ts';
import { type EscalationRules, GUANGYUAN_ESCALATION } from './rules/escalation.ts';
import { ruleSetInForce } from './queries.ts';

export type SupervisionRules = { colour: ColourRules; escalation: EscalationRules };

export const DEFAULT_SUPERVISION_RULES: SupervisionRules = {
  colour: DEFAULT_COLOUR_RULES,
  escalation: GUANGYUAN_ESCALATION,
};

/** The rules in force on a day: the latest set effective by then, else the defaults. */
export async function rulesInForce(db: Executor, day: string): Promise<SupervisionRules> {
  const row = await ruleSetInForce(db, day);
  if (!row) return DEFAULT_SUPERVISION_RULES;
  return { colour: row.colour as ColourRules, escalation: row.escalation as EscalationRules };
}
