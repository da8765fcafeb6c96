// The arquero versions of indicators whose counts now run as typed passes
// (kernel aggregates, lookups by id, arrays instead of derived tables), kept
// as they were written before: expression strings, joins and lookups, every
// rollup in arquero. Each such indicator's test checks on random years that
// the two give the same table for every grouping.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { expect } from "vitest"
import type { Dimension } from "../../src/Dimension.js"
import { Indicator, type Indicators, Tables } from "../../src/index.js"
import { monthEnd, monthStart, monthsBetween } from "../../src/internal/dates.js"
import { col, num, record, slug } from "../../src/internal/expr.js"
import { expression, type Where } from "../../src/internal/kernel/where.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"

type T = Tables.Tables

const within = (column: string, from: number, to: number) => ({ column, is: "within", from, to }) as const

/** groupby → filter → rollup in arquero alone, as rollupBy's fallback runs it. */
const rollup = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  values: Record<string, unknown>,
  options: { readonly columns?: Record<string, string>; readonly where?: Where; readonly rows?: Uint8Array } = {},
): ColumnTable => {
  const columns = options.columns ?? {}
  const keys = by.map((d) => columns[d] ?? d)
  const where: Where = [
    ...(options.where ?? []),
    ...(options.rows === undefined ? [] : [{ column: "keptRow", is: "equal", value: 1 } as const]),
  ]
  const source = options.rows === undefined ? table : table.assign({ keptRow: options.rows })
  let t = keys.length > 0 ? source.groupby(...keys) : source
  if (where.length > 0) t = t.filter(expression(where))
  const out = t.rollup(values as Record<string, string>)
  const renames = record(by.flatMap((d, i) => (keys[i] !== d ? [[keys[i]!, d] as const] : [])))
  return Object.keys(renames).length > 0 ? out.rename(renames) : out
}

const join = (left: ColumnTable, right: ColumnTable, by: ReadonlyArray<string>): ColumnTable => {
  if (by.length === 0) return left.assign(right)
  const keys = [...by]
  const named = (t: ColumnTable) =>
    t.assign(
      record(keys.map((k) => [k, Array.from(t.array(k) as ArrayLike<unknown>, (v) => (v == null ? "(unknown)" : v))])),
    )
  return named(left).join_full(named(right), [keys, keys])
}

type Counts = (tables: T, by: ReadonlyArray<string>) => ColumnTable

const counts: Partial<Record<Indicators.IndicatorId, { counts: Counts; derive?: (t: ColumnTable) => ColumnTable }>> = {
  completionRate: {
    counts: (tables, by) =>
      rollup(
        tables.enrollments,
        by,
        { ended: "d => op.sum(d.hasCompletion)", completed: "d => op.sum(d.hasCompletion * d.completed)" },
        {
          columns: { month: "closedMonth", year: "closedYear" },
          where: [within("closed", tables.days.from, tables.days.to)],
        },
      ),
    derive: (filled) => filled.derive({ withdrawn: "d => d.ended - d.completed" }),
  },
  extensionRate: {
    counts: (tables, by) => {
      const { from, to } = tables.days
      const extended = tables.extensions.groupby("enrollment").rollup({ extensions: op.count() })
      const treatments = tables.enrollments.lookup(extended, "enrollment", "extensions")
      return rollup(
        treatments,
        by,
        { enrollments: op.count(), extended: "d => op.sum(d.extensions > 0 ? 1 : 0)" },
        {
          columns: { month: "startMonth", year: "startYear" },
          where: [{ column: "category", is: "equal", value: "treatment" }, within("start", from, to)],
        },
      )
    },
  },
  involvement: {
    counts: (tables, by) =>
      rollup(tables.sessions, by, {
        sessions: op.count(),
        withStudents: "d => op.sum(d.students > 0 ? 1 : 0)",
        students: op.sum("students"),
        withVolunteers: "d => op.sum(d.volunteers > 0 ? 1 : 0)",
        volunteers: op.sum("volunteers"),
      }),
  },
  feedbackSummary: {
    counts: (tables, by) =>
      rollup(
        tables.feedback,
        by,
        {
          responses: op.count(),
          rated: op.valid("rating"),
          meanRating: "d => op.sum(d.rating) / op.valid(d.rating)",
          good: "d => op.sum(d.rating >= 4 ? 1 : 0)",
        },
        { where: [within("day", tables.days.from, tables.days.to)] },
      ),
  },
  kprReportable: {
    counts: (tables, by) =>
      rollup(
        tables.enrollments,
        by,
        { decisions: op.count(), incomplete: op.sum("kprIncomplete") },
        {
          columns: { month: "startMonth", year: "startYear" },
          where: [{ column: "kprService", is: "present" }, within("start", tables.days.from, tables.days.to)],
        },
      ),
  },
  goalAttainment: {
    counts: (tables, by) => {
      const { from, to } = tables.days
      const g = tables.goalEvaluations
      const n = g.numRows()
      const enrollment = g.array("enrollment") as ArrayLike<number>
      const order = g.array("order") as ArrayLike<number>
      const goal = g.array("goalReached") as ArrayLike<string>
      const last = new Map<number, number>()
      for (let i = 0; i < n; i++) {
        const k = enrollment[i]!
        const seen = last.get(k)
        if (seen === undefined || order[i]! > order[seen]!) last.set(k, i)
      }
      const rows = Uint8Array.from({ length: n }, (_, i) =>
        enrollment[i]! >= 0 && last.get(enrollment[i]!) === i ? 1 : 0,
      )
      const reached = Uint8Array.from({ length: n }, (_, i) => (goal[i] === "yes" ? 1 : 0))
      const partly = Uint8Array.from({ length: n }, (_, i) => (goal[i] === "partly" ? 1 : 0))
      return rollup(
        g.assign({ reached, partly }),
        by,
        { evaluated: op.count(), reached: op.sum("reached"), partly: op.sum("partly") },
        { rows, where: [{ column: "category", is: "equal", value: "treatment" }, within("day", from, to)] },
      )
    },
    derive: (filled) => filled.derive({ notReached: "d => d.evaluated - d.reached - d.partly" }),
  },
  recoveryStart: {
    counts: (tables, by) => {
      const { from, to } = tables.days
      const helped = tables.enrollments.filter(
        `d => d.offering === ${slug("recoveryhjelpa")} && ${col("start")} != null && ${col("start")} >= ${num(from)} && ${col("start")} <= ${num(to)}`,
      )
      const firstTransition = helped
        .select("enrollment", "citizen", "start")
        .join(tables.transitions.select("citizen", "day"), "citizen")
        .filter("d => d.day >= d.start")
        .groupby("enrollment")
        .rollup({ transitionDay: op.min("day") })
      const outcome = helped.lookup(firstTransition, "enrollment", "transitionDay").derive({
        startedDay: "d => d.transitionDay != null ? d.transitionDay : d.completed === 1 ? d.closed : null",
      })
      const timed = outcome.derive({
        days: "d => d.startedDay == null ? null : d.startedDay - d.start",
        isStarted: "d => d.startedDay == null ? 0 : 1",
      })
      return rollup(
        timed,
        by,
        { helped: op.count(), started: op.sum("isStarted"), median: op.median("days"), p90: op.quantile("days", 0.9) },
        { columns: { month: "startMonth", year: "startYear" } },
      )
    },
  },
  srsAlerts: {
    counts: (tables, by) => {
      const { from, to } = tables.days
      const inPeriod: Where = [{ column: "instrument", is: "equal", value: "SRS" }, within("day", from, to)]
      const forms = rollup(
        tables.fitScores,
        by,
        { forms: op.count(), alerts: op.sum("srsAlert"), citizens: op.distinct("citizen") },
        { where: inPeriod },
      )
      const alerted = rollup(
        tables.fitScores,
        by,
        { citizensAlerted: op.distinct("citizen") },
        { where: [...inPeriod, { column: "srsAlert", is: "equal", value: 1 }] },
      )
      return join(forms, alerted, by)
    },
  },
}

// Department contributions as they were: a cross with the periods, a rollup,
// a lookup by a JSON key and a rollup over departments.
const contributions = (tables: T, by: ReadonlyArray<Dimension>): ColumnTable => {
  const { from, to } = tables.days
  const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : null
  const months = monthsBetween(from, to)
  const list =
    grain === "month"
      ? months.map((m) => ({ key: m, a: monthStart(m), b: monthEnd(m) }))
      : [...new Set(months.map((m) => m.slice(0, 4)))].map((y) => ({
          key: y,
          a: monthStart(`${y}-01`),
          b: monthEnd(`${y}-12`),
        }))
  const units =
    grain === null
      ? aq.table({ unitFrom: [from], unitTo: [to] })
      : aq.table({
          [grain]: list.map((u) => u.key),
          ...(grain === "month" ? { year: list.map((u) => u.key.slice(0, 4)) } : {}),
          unitFrom: list.map((u) => Math.max(u.a, from)),
          unitTo: list.map((u) => Math.min(u.b, to)),
        })
  const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
  const last = "(d.to == null || d.to > d.unitTo ? d.unitTo : d.to)"
  const first = "(d.from < d.unitFrom ? d.unitFrom : d.from)"
  const weighted = tables.contributions
    .cross(units)
    .derive({ w: `d => ${last} >= ${first} ? d.share * (${last} - ${first} + 1) / (d.unitTo - d.unitFrom + 1) : 0` })
  const keys = ["municipality", "department", ...unitKeys]
  const sums = rollup(weighted, keys, {
    percent: op.sum("w"),
    lent: "d => op.sum(d.form === 'lent-position' ? d.w : 0)",
    transferred: "d => op.sum(d.form === 'transferred-budget-post' ? d.w : 0)",
  })
  const departments = tables.departments.select(keys.filter((k) => k === "municipality" || k === "department"))
  const grid = grain === null ? departments : departments.cross(units.select(unitKeys))
  const key = `d => op.to_json([${keys.map(col).join(", ")}])`
  const full = grid
    .derive({ unitKey: key })
    .lookup(sums.derive({ unitKey: key }), "unitKey", "percent", "lent", "transferred")
    .select(aq.not("unitKey"))
    .derive({
      percent: "d => d.percent == null ? 0 : d.percent",
      lent: "d => d.lent == null ? 0 : d.lent",
      transferred: "d => d.transferred == null ? 0 : d.transferred",
      required: `() => ${num(tables.requiredContributionPercent)}`,
    })
  const grouped =
    by.length === keys.length && by.every((d) => keys.includes(d))
      ? full
      : rollup(full, by, {
          percent: op.sum("percent"),
          lent: op.sum("lent"),
          transferred: op.sum("transferred"),
          required: op.sum("required"),
        })
  return grouped.derive({ gap: "d => d.percent - d.required" })
}

/** The indicator as it was computed before, all in arquero. */
export const reference = (indicator: Indicator.Indicator): Indicator.Indicator => {
  if (indicator.id === "departmentContributions") return { ...indicator, compute: contributions }
  const spec = counts[indicator.id as Indicators.IndicatorId]
  if (spec === undefined) throw new Error(`no reference for ${indicator.id}`)
  const { compute: _, ...rest } = indicator
  const hasRate = indicator.measures.some((m) => m.kind === "rate")
  const counted = { ...rest, counts: spec.counts, ...(spec.derive === undefined ? {} : { derive: spec.derive }) }
  return hasRate ? Indicator.rate(counted) : Indicator.count(counted)
}

/** Every grouping of none, one or two of the indicator's dimensions. */
const groupings = (indicator: Indicator.Indicator): Array<ReadonlyArray<Dimension>> => {
  const ds = indicator.dimensions
  return [[], ...ds.map((d) => [d]), ...ds.flatMap((a, i) => ds.slice(i + 1).map((b) => [a, b]))]
}

/** Asserts on random years (one municipality and two combined) that the indicator gives its reference's tables. */
export const agreesWithReference = (indicator: Indicator.Indicator, runs = 30): void => {
  const before = reference(indicator)
  fc.assert(
    fc.property(dataset, dataset, fc.boolean(), (a, b, combined) => {
      const tables = combined
        ? Tables.combine([
            Tables.fromDataset({ ...a, municipality: "1108" } as typeof a, { policy }),
            Tables.fromDataset({ ...b, municipality: "1103" } as typeof b, { policy }),
          ])
        : Tables.fromDataset(a, { policy })
      for (const by of groupings(indicator)) {
        const want = Indicator.compute(before, tables, { by }).table
        const got = Indicator.compute(indicator, tables, { by }).table
        expect(got.objects(), `${indicator.id} by [${by.join(", ")}]`).toEqual(want.objects())
      }
    }),
    { numRuns: runs },
  )
}
