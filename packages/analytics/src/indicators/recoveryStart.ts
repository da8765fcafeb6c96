/**
 * Days until a Recoveryhjelpa citizen has started an activity in the community.
 *
 * @module
 */
import * as aq from "arquero"
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { record } from "../internal/expr.js"
import { rollupBy } from "../internal/group.js"
import { isValid } from "../internal/kernel/codes.js"
import { plain, valuesOf } from "../internal/kernel/read.js"
import { daysQuantiles, persons, share } from "./measures.js"

/**
 * The offering whose help lasts until the citizen has started an activity
 * (Mestringsenhetens modell for aktivitet, line 139).
 * @example
 * Indicators.RECOVERY_OFFERING // "recoveryhjelpa"
 * @category models
 */
export const RECOVERY_OFFERING = "recoveryhjelpa"

/**
 * Recoveryhjelpa enrollments that started in the period, how many led to an
 * activity, and the median and 90th percentile of days until then. The
 * activity started on the first community transition of the citizen on or
 * after the enrollment's start, or, failing that, when the enrollment closed
 * as completed (the help ends when an activity has started).
 * Mestringsenhetens modell for aktivitet, line 139: the help lasts until the
 * citizen has started an activity.
 * @example
 * Indicator.compute(recoveryStart, tables, { by: ["month"] })
 * @category indicators
 */
export const recoveryStart: Indicator<"recoveryStart"> = rate({
  id: "recoveryStart",
  name: { nb: "Recoveryhjelpa: tid til aktivitet", en: "Recoveryhjelpa: days until an activity has started" },
  definition: {
    numerator: {
      nb: "Dager fra start i Recoveryhjelpa til innbyggeren er i gang med en aktivitet",
      en: "Days from the start in Recoveryhjelpa until the citizen has started an activity",
    },
    denominator: {
      nb: "Innbyggere som startet i Recoveryhjelpa i perioden",
      en: "Citizens who started in Recoveryhjelpa in the period",
    },
    unit: {
      nb: "dager (median og 90-persentil) og andel i gang",
      en: "days (median and 90th percentile) and share started",
    },
    period: { nb: "Startdatoen i Recoveryhjelpa", en: "The start date in Recoveryhjelpa" },
  },
  dimensions: ["municipality", "month", "year"],
  defaultBy: [],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Hjelp til å bli mer deltagende i samfunnet",
    lines: "139",
    fact: {
      nb: "Hjelpen varer til innbygger er komt i gang med en aktivitet",
      en: "The help lasts until the citizen has started an activity",
    },
  },
  measures: [
    persons("helped", { nb: "Fikk hjelp", en: "Helped" }, "recoveryHelped", "records"),
    persons("started", { nb: "I gang med aktivitet", en: "Started an activity" }, "activityStarted", "records"),
    share("rate", { nb: "Andel i gang", en: "Share started" }, "started", "helped"),
    ...daysQuantiles("started"),
  ],
  headline: "median",
  // The helped enrollments' rows, their first transition and outcome in
  // passes over arrays (the arquero version filtered, joined, rolled up,
  // looked up and derived, each with an expression to compile), then one
  // rollup over a table of those rows only.
  counts: (tables, by) => {
    const { from, to } = tables.days
    const e = plain(tables.enrollments)
    const offering = e.column("offering") as unknown
    const start = valuesOf<number | null>(e, "start")
    const isRecovery = rowsEqual(offering, e, RECOVERY_OFFERING)
    const helped: Array<number> = []
    for (let i = 0; i < e.numRows(); i++) {
      const s = start[i]
      if (isRecovery[i] === 1 && s != null && s >= from && s <= to) helped.push(i)
    }
    const citizen = valuesOf<unknown>(e, "citizen")
    const completed = valuesOf<unknown>(e, "completed")
    const closed = valuesOf<number | null>(e, "closed")
    const enrollment = valuesOf<unknown>(e, "enrollment")
    const firstDay = firstTransitions(helped, citizen, start, enrollment, plain(tables.transitions))
    const days = new Float64Array(helped.length)
    const isStarted = new Uint8Array(helped.length)
    helped.forEach((i, j) => {
      const transitionDay = firstDay[j]
      const startedDay = transitionDay != null ? transitionDay : completed[i] === 1 ? closed[i] : null
      days[j] = startedDay == null ? Number.NaN : startedDay - start[i]!
      isStarted[j] = startedDay == null ? 0 : 1
    })
    const keys = by.map((d) => (d === "month" ? "startMonth" : d === "year" ? "startYear" : d))
    const table = aq.table(
      record([
        ...keys.map((k) => [k, taken(e.column(k) as unknown, helped)] as const),
        ["days", days],
        ["isStarted", isStarted],
      ]),
    )
    return rollupBy(
      table,
      by,
      { helped: op.count(), started: op.sum("isStarted"), median: op.median("days"), p90: op.quantile("days", 0.9) },
      { columns: { month: "startMonth", year: "startYear" } },
    )
  },
})

// 1 for the rows whose value is `value`: a dictionary column judged once per code.
const rowsEqual = (column: unknown, table: aq.ColumnTable, value: string): Uint8Array => {
  if (column instanceof DictionaryColumn) {
    const pass = Uint8Array.from(column.values as ReadonlyArray<unknown>, (v) => (v === value ? 1 : 0))
    const codes = column.codes
    const out = new Uint8Array(codes.length)
    for (let i = 0; i < codes.length; i++) out[i] = pass[codes[i]!]!
    return out
  }
  const values = table.array("offering") as ArrayLike<unknown>
  const out = new Uint8Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = values[i] === value ? 1 : 0
  return out
}

// A key column's values at the given rows: a dictionary column stays one.
const taken = (column: unknown, rows: ReadonlyArray<number>): unknown =>
  column instanceof DictionaryColumn
    ? column.take(rows)
    : rows.map((i) => (column as { at: (row: number) => unknown }).at(i))

/**
 * For each helped enrollment, the earliest day of a transition of its
 * citizen on or after its start, as an inner join on the citizen, a filter
 * and the minimum per enrollment gave it, looked up by enrollment (the last
 * of equal ids wins): undefined where there is none.
 */
const firstTransitions = (
  helped: ReadonlyArray<number>,
  citizen: ArrayLike<unknown>,
  start: ArrayLike<number | null>,
  enrollment: ArrayLike<unknown>,
  transitions: aq.ColumnTable,
): Array<number | undefined> => {
  const needed = new Set<unknown>()
  for (const i of helped) if (isValid(citizen[i])) needed.add(citizen[i])
  // The days of each needed citizen's transitions, in row order.
  const tCitizen = valuesOf<unknown>(transitions, "citizen")
  const tDay = valuesOf<number | null>(transitions, "day")
  const daysOf = new Map<unknown, Array<number | null>>()
  for (let t = 0; t < tCitizen.length; t++) {
    const c = tCitizen[t]
    if (!needed.has(c)) continue
    const list = daysOf.get(c)
    if (list === undefined) daysOf.set(c, [tDay[t]!])
    else list.push(tDay[t]!)
  }
  // The minimum per enrollment id over the matching rows of all its helped rows.
  const minOf = new Map<unknown, number>()
  for (const i of helped) {
    const s = start[i]!
    for (const day of daysOf.get(citizen[i]) ?? []) {
      if (!(isValid(day) && (day as number) >= s)) continue
      const m = minOf.get(enrollment[i])
      if (m === undefined || (day as number) < m) minOf.set(enrollment[i], day as number)
    }
  }
  return helped.map((i) => (isValid(enrollment[i]) ? minOf.get(enrollment[i]) : undefined))
}
