/**
 * Transition to ordinary community activity: the model's overarching goal.
 *
 * @module
 */

import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { op } from "arquero"
import type { Dimension } from "../Dimension.js"
import { type Indicator, rate } from "../Indicator.js"
import { monthsBetween, yearsBetween } from "../internal/dates.js"
import { col, num } from "../internal/expr.js"
import { dayWithin, rollupBy } from "../internal/group.js"

import type { Tables } from "../Tables.js"
import { persons, share } from "./measures.js"

// Enrollments, one row per (enrollment, month or year) they overlap when
// grouping by time, so that each month counts its own participants. Without
// time the table is returned whole, to be filtered after grouping (which
// keeps arquero's pre-computed groups).
const enrollmentsByPeriod = (
  tables: Tables,
  by: ReadonlyArray<Dimension>,
): { table: ColumnTable; filter: string | undefined } => {
  const { from, to } = tables.days
  const overlaps = `d.start <= ${num(to)} && (d.stop == null || d.stop >= ${num(from)})`
  if (!by.includes("month") && !by.includes("year")) return { table: tables.enrollments, filter: `d => ${overlaps}` }
  const clip = (d: { start: number; stop: number | null }): [number, number] => [
    Math.max(d.start, from),
    Math.min(d.stop ?? to, to),
  ]
  const grain = by.includes("month")
    ? aq.escape((d: { start: number; stop: number | null }) => monthsBetween(...clip(d)))
    : aq.escape((d: { start: number; stop: number | null }) => yearsBetween(...clip(d)))
  const unrolled = tables.enrollments.filter(`d => ${overlaps}`).derive({ period: grain }).unroll("period")
  const table = by.includes("month")
    ? unrolled.derive({ month: "d => d.period", year: "d => op.substring(d.period, 0, 4)" })
    : unrolled.derive({ year: "d => d.period" })
  return { table, filter: undefined }
}

/**
 * Of the citizens with an enrollment active in the period, the share who
 * moved on to an ordinary community offering (a club, a membership, a
 * community offering, work) from an offering of the group in the period.
 * Mestringsenhetens modell for aktivitet, line 14: the overarching goal is more participation in the local
 * community and ordinary clubs and associations.
 * @example
 * Indicator.compute(communityTransition, tables, { by: ["offering"], margins: true })
 * @category indicators
 */
export const communityTransition: Indicator<"communityTransition"> = rate({
  id: "communityTransition",
  name: { nb: "Overgang til ordinær aktivitet", en: "Transition to ordinary community activity" },
  definition: {
    numerator: {
      nb: "Deltakere som gikk over til et ordinært tilbud i lokalmiljøet",
      en: "Participants who moved on to an ordinary community offering",
    },
    denominator: {
      nb: "Innbyggere med aktiv deltakelse i perioden",
      en: "Citizens with an enrollment active in the period",
    },
    unit: { nb: "andel", en: "share" },
    period: {
      nb: "Deltakelse som overlapper perioden; overgangens dato",
      en: "Enrollments overlapping the period; the transition's date",
    },
    note: {
      nb: "En overgang hører til tilbudet den skjedde fra (eller deltakelsen den viser til).",
      en: "A transition belongs to the offering it came from (or the enrollment it names).",
    },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Prosjektets mål",
    lines: "14",
    fact: {
      nb: "Overordnet mål for tilbudene er å øke deltagelse i nærmiljøet, ordinære lag og foreninger",
      en: "The overarching goal is more participation in the local community, ordinary clubs and associations",
    },
  },
  measures: [
    persons("participants", { nb: "Deltakere", en: "Participants" }, "active", "persons"),
    persons("transitioned", { nb: "Gikk over", en: "Moved on" }, "transitioned", "persons"),
    share("rate", { nb: "Andel overgang", en: "Transition rate" }, "transitioned", "participants"),
  ],
  headline: "rate",
  counts: (tables, by) => {
    const { from, to } = tables.days
    // A key per (group, citizen), the same on both sides, so that the active
    // enrollments can look up whether their citizen moved on from the group.
    // JSON of the values, not text joined by "|": an offering id holding "|"
    // (or named "null", beside a record with no offering) must not share a key.
    const key = `d => op.to_json([${[...by.map(col), col("citizen")].join(", ")}])`
    const moved = tables.transitions
      .filter(`d => ${dayWithin("day", from, to)}`)
      .derive({ key })
      .dedupe("key")
      .derive({ moved: "() => 1" })
    const { table, filter } = enrollmentsByPeriod(tables, by)
    const active = table
      .derive({ key })
      .lookup(moved, "key", "moved")
      .derive({ movedCitizen: "d => d.moved === 1 ? d.citizen : null" })
    // Non-movers carry null, which arquero's distinct counts as one extra value when present.
    return rollupBy(
      active,
      by,
      {
        participants: op.distinct("citizen"),
        distinctMoved: op.distinct("movedCitizen"),
        validMoved: op.valid("movedCitizen"),
        rows: op.count(),
      },
      filter === undefined ? {} : { filter },
    ).derive({ transitioned: "d => d.distinctMoved - (d.validMoved < d.rows ? 1 : 0)" })
  },
})
