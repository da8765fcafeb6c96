/**
 * Feedback for the evaluation of the model (Mestringsenhetens modell for aktivitet §Evaluering av modellen:
 * "innspill fra ansatte, innbyggere og erfaringsråd").
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { Category } from "./Category.js"
import { IsoDate } from "./IsoDate.js"
import { IntBetween, NonEmptyText, RecordId } from "./internal/checks.js"
import { OfferingId } from "./Offering.js"

/**
 * One piece of feedback from an employee, a citizen or the experience council,
 * about an offering, a category or the model as a whole, with an optional
 * rating of 1 (poor) to 5 (very good). No identity is kept for its author.
 * `comment` is free text and may name people: keep it out of anything
 * published (the analytics package never reads it).
 * @example
 * Schema.decodeUnknownSync(Feedback.Feedback)({ id: "b-1", source: "experience-council", date: "2024-09-12", theme: "tilgjengelighet", rating: 4 })
 * @category schemas
 */
export const Feedback = Schema.Struct({
  id: RecordId,
  source: Schema.Literals(["employee", "citizen", "experience-council"]),
  date: IsoDate,
  offeringId: Schema.optionalKey(OfferingId),
  category: Schema.optionalKey(Category),
  theme: NonEmptyText,
  rating: Schema.optionalKey(IntBetween(1, 5)),
  comment: Schema.optionalKey(
    NonEmptyText.annotate({ description: "Free text; may name people, so never publish it" }),
  ),
}).annotate({ identifier: "Feedback", title: "Evaluation feedback (tilbakemelding)" })
/** @category models */
export type Feedback = typeof Feedback.Type
