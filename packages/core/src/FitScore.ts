/**
 * FIT (feedback-informed treatment) scores: the Outcome Rating Scale (ORS)
 * and the Session Rating Scale (SRS), four items of 0–10 each, totals 0–40.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { filter, NumberBetween, RecordId } from "./internal/checks.js"
import { Pseudonym } from "./Pseudonym.js"

const Item = NumberBetween(0, 10)

/**
 * One ORS or SRS form. The items are marks on 10 cm lines, so they may have
 * one decimal; `total` must equal their sum (to 0.05, for rounding).
 * ORS items: individual, interpersonal, social, overall well-being.
 * SRS items: relationship, goals and topics, approach, overall.
 * @example
 * Schema.decodeUnknownSync(FitScore.FitScore)({ id: "o-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", date: "2024-02-05", instrument: "ORS", items: [5, 4.5, 6, 5], total: 20.5 })
 * @category schemas
 */
export const FitScore = Schema.Struct({
  id: RecordId,
  citizenId: Pseudonym,
  enrollmentId: Schema.optionalKey(RecordId),
  date: IsoDate,
  instrument: Schema.Literals(["ORS", "SRS"]),
  items: Schema.Tuple([Item, Item, Item, Item]),
  total: NumberBetween(0, 40),
})
  .check(
    filter(
      (s: { items: ReadonlyArray<number>; total: number }) =>
        Math.abs(s.items.reduce((a, b) => a + b, 0) - s.total) <= 0.05,
      {
        en: "Expected total to equal the sum of the four items",
        nb: "Forventet at total er summen av de fire leddene",
      },
    ),
  )
  .annotate({ identifier: "FitScore", title: "FIT score (ORS/SRS)" })
/** @category models */
export type FitScore = typeof FitScore.Type
