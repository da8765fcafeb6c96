// The plan's types, apart from EvaluationPlan so that the modules drafting
// its rows (./evidence.ts) and checking its shape import them without
// importing EvaluationPlan, which imports them.
import type { Bilingual } from "../internal/text.js"

/**
 * Whether a measure should continue, as Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist answers it: yes, no,
 * uncertain, or yes if there is capacity (Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist lines 89 and 104: "Ja,
 * videreføres hvis det er nok kandidater", "Ja ved behov og kapasitet").
 * @category models
 */
export type Continue = "yes" | "no" | "uncertain" | "if-capacity"

/**
 * One row of the plan; `id` is the offering id or a model-wide measure id.
 * @category models
 */
export interface Row {
  readonly id: string
  readonly measure: Bilingual
  readonly assessment: Bilingual
  readonly continue: Continue
  readonly who: Bilingual
}

/**
 * An evaluation plan for a period.
 * @category models
 */
export interface Plan {
  readonly period: { readonly from: string; readonly to: string }
  readonly rows: ReadonlyArray<Row>
}
