/** Pure pipeline helpers: stage order and the optimistic move of a card between columns. */
import type { Stage } from "@/api/enums.gen";
import type { Pipeline, Prospect } from "../types";
import { addDecimal, subDecimal, weighted } from "./money";

export function findProspect(
  pipeline: Pipeline,
  prospectId: string,
): { prospect: Prospect; stage: string } | null {
  for (const column of pipeline.columns) {
    const prospect = column.prospects.find((p) => p.id === prospectId);
    if (prospect) return { prospect, stage: column.stage };
  }
  return null;
}

/**
 * The board after moving one card: it leaves its column (count and sums go down),
 * joins the top of the target column with that stage's probability and weighted
 * value (count and sums go up). Unknown card or stage, or the same stage: unchanged.
 */
export function moveProspect(
  pipeline: Pipeline,
  prospectId: string,
  toStage: Stage,
  lostReason?: string | null,
): Pipeline {
  const found = findProspect(pipeline, prospectId);
  const target = pipeline.columns.find((c) => c.stage === toStage);
  if (!found || !target || found.stage === toStage) return pipeline;
  const { prospect } = found;
  const moved: Prospect = {
    ...prospect,
    stage: toStage,
    probability: target.probability,
    weighted_value: weighted(prospect.expected_value, target.probability),
    lost_reason: toStage === "lost" ? (lostReason ?? prospect.lost_reason ?? null) : null,
    stage_changed_at: new Date().toISOString(),
  };
  return {
    ...pipeline,
    columns: pipeline.columns.map((c) => {
      if (c.stage === found.stage) {
        return {
          ...c,
          count: Math.max(0, c.count - 1),
          total_value: subDecimal(c.total_value, prospect.expected_value),
          weighted_value: subDecimal(c.weighted_value, prospect.weighted_value),
          prospects: c.prospects.filter((p) => p.id !== prospectId),
        };
      }
      if (c.stage === toStage) {
        return {
          ...c,
          count: c.count + 1,
          total_value: addDecimal(c.total_value, moved.expected_value),
          weighted_value: addDecimal(c.weighted_value, moved.weighted_value),
          prospects: [moved, ...c.prospects],
        };
      }
      return c;
    }),
  };
}

/** Σ over the open columns (everything but won and lost). */
export function openTotals(pipeline: Pipeline): { count: number; value: string; weighted: string } {
  let count = 0;
  let value = "0.00";
  let weightedValue = "0.00";
  for (const c of pipeline.columns) {
    if (c.stage === "won" || c.stage === "lost") continue;
    count += c.count;
    value = addDecimal(value, c.total_value);
    weightedValue = addDecimal(weightedValue, c.weighted_value);
  }
  return { count, value, weighted: weightedValue };
}
