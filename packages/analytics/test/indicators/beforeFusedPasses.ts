// The straightforward computations some indicators made before their fused
// typed passes (the rollup kernel, arquero where it cannot run), kept as
// oracles: an indicator built from each gives, row for row, what the
// catalogue's indicator must give.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { op } from "arquero"
import type { Dimension } from "../../src/Dimension.js"
import { type Counted, count, type Indicator, rate } from "../../src/Indicator.js"
import { activePeriods } from "../../src/internal/activePeriods.js"
import { Coder } from "../../src/internal/columns.js"
import { DictionaryColumn } from "../../src/internal/DictionaryColumn.js"
import { record } from "../../src/internal/expr.js"
import { daysWithin, joinBy, rollupBy, severalMunicipalities, withRate, zeroFill } from "../../src/internal/group.js"
import { valuesOf } from "../../src/internal/kernel/read.js"
import { ORDER_SHIFT, type Tables } from "../../src/Tables.js"

type Counts = (tables: Tables, by: ReadonlyArray<Dimension>) => ColumnTable

const present = { column: "present", is: "equal", value: 1 } as const

const participation: Counts = (tables, by) => {
  const p = rollupBy(
    tables.attendance,
    by,
    { participants: op.distinct("citizen"), attendances: op.count() },
    { where: [present] },
  )
  return joinBy(rollupBy(tables.sessions, by, { sessions: op.count() }), p, by)
}

const attendanceRate: Counts = (tables, by) =>
  rollupBy(tables.attendance, by, {
    citizens: op.distinct("citizen"),
    booked: op.count(),
    present: op.sum("present"),
    noShow: op.sum("noShow"),
  })

const capacityUse: Counts = (tables, by) => {
  const several = severalMunicipalities(tables)
  const keyed: ReadonlyArray<Dimension> = several && !by.includes("municipality") ? ["municipality", ...by] : by
  const withOffering = keyed.includes("offering") ? keyed : [...keyed, "offering"]
  const capacityKey = "d => op.to_json([d.municipality, d.offering])"
  const capacity = several
    ? tables.offerings.derive({ capacityKey }).select("capacityKey", "capacity")
    : tables.offerings.select("offering", "capacity")
  const sessions = rollupBy(tables.sessions, withOffering, { sessions: op.count() })
  const sameGrouping = withOffering.length === by.length
  const p = rollupBy(
    tables.attendance,
    withOffering,
    sameGrouping ? { present: op.count(), citizens: op.distinct("citizen") } : { present: op.count() },
    { where: [present] },
  )
  const counted = zeroFill(joinBy(sessions, p, withOffering), [
    "sessions",
    "present",
    ...(sameGrouping ? ["citizens"] : []),
  ])
  const perOffering = (
    several
      ? counted.derive({ capacityKey }).lookup(capacity, "capacityKey", "capacity").select(aq.not("capacityKey"))
      : counted.lookup(capacity, "offering", "capacity")
  ).derive({
    places: "d => d.capacity == null ? null : d.sessions * d.capacity",
    presentInPlaces: "d => d.capacity == null ? null : d.present",
  })
  return sameGrouping
    ? perOffering
    : joinBy(
        rollupBy(perOffering, by, {
          sessions: op.sum("sessions"),
          present: op.sum("present"),
          places: op.sum("places"),
          presentInPlaces: op.sum("presentInPlaces"),
        }),
        rollupBy(tables.attendance, by, { citizens: op.distinct("citizen") }, { where: [present] }),
        by,
      )
}

const newReturning: Counts = (tables, by) => {
  const { from, to } = tables.days
  const e = tables.enrollments
  const n = e.numRows()
  const citizen = valuesOf(e, "citizen")
  const start = valuesOf(e, "start")
  let citizens = 0
  for (let i = 0; i < n; i++) if (citizen[i]! >= citizens) citizens = citizen[i]! + 1
  const firstRow = new Int32Array(citizens).fill(-1)
  for (let i = 0; i < n; i++) {
    const f = firstRow[citizen[i]!]!
    if (f < 0 || start[i]! < start[f]!) firstRow[citizen[i]!] = i
  }
  const period = by.includes("month")
    ? (e.column("startMonth") as DictionaryColumn<string>).codes
    : by.includes("year")
      ? (e.column("startYear") as DictionaryColumn<string>).codes
      : undefined
  const newCitizen = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const f = firstRow[citizen[i]!]!
    const isNew = period === undefined ? start[f]! >= from : period[f] === period[i]
    newCitizen[i] = isNew ? citizen[i]! : Number.NaN
  }
  return rollupBy(
    e.assign({ newCitizen }),
    by,
    {
      started: op.distinct("citizen"),
      distinctNew: op.distinct("newCitizen"),
      validNew: op.valid("newCitizen"),
      rows: op.count(),
    },
    { columns: { month: "startMonth", year: "startYear" }, where: [daysWithin("start", from, to)] },
  ).derive({ new: "d => d.distinctNew - (d.validNew < d.rows ? 1 : 0)" })
}

const yearsOfMonths = (months: DictionaryColumn<string>): DictionaryColumn<string> => {
  const years = new Coder<string>()
  const local = months.values.map((month) => years.code(month.slice(0, 4)))
  return new DictionaryColumn(
    Uint32Array.from(months.codes, (c) => local[c]!),
    years.values,
  )
}

const communityTransition: Counts = (tables, by) => {
  const { from, to } = tables.days
  const e = tables.enrollments
  const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : undefined
  const active = activePeriods(tables, grain)
  const m = active.rows.length
  const columns = new Map<string, DictionaryColumn<unknown>>()
  for (const d of by)
    if (d !== "month" && d !== "year") columns.set(d, (e.column(d) as DictionaryColumn<unknown>).take(active.rows))
  if (active.period !== undefined) {
    if (grain === "month") columns.set("month", active.period)
    columns.set("year", grain === "year" ? active.period : yearsOfMonths(active.period))
  }
  const citizenOf = valuesOf(e, "citizen")
  const citizen = Int32Array.from(active.rows, (row) => citizenOf[row]!)
  const keyColumns = by.map((d) => columns.get(d)!)
  const group = new Float64Array(m)
  for (const k of keyColumns) {
    const size = k.values.length
    const codes = k.codes
    for (let i = 0; i < m; i++) group[i] = group[i]! * size + codes[i]!
  }
  let citizens = 1
  for (let i = 0; i < m; i++) if (citizen[i]! >= citizens) citizens = citizen[i]! + 1
  const t = tables.transitions
  const n = t.numRows()
  const tDay = valuesOf(t, "day")
  const tCitizen = valuesOf(t, "citizen")
  const tGroup = new Float64Array(n)
  by.forEach((d, k) => {
    const size = keyColumns[k]!.values.length
    const index = new Map(keyColumns[k]!.values.map((v, code) => [v, code] as const))
    const column = t.column(d) as DictionaryColumn<unknown>
    const local = Int32Array.from(column.values, (v) => index.get(v) ?? -1)
    for (let i = 0; i < n; i++) {
      const code = local[column.codes[i]!]!
      tGroup[i] = tGroup[i]! < 0 || code < 0 ? -1 : tGroup[i]! * size + code
    }
  })
  const moved = new Set<number>()
  for (let i = 0; i < n; i++)
    if (tGroup[i]! >= 0 && tDay[i]! >= from && tDay[i]! <= to && tCitizen[i]! < citizens)
      moved.add(tGroup[i]! * citizens + tCitizen[i]!)
  const movedCitizen = new Float64Array(m)
  for (let i = 0; i < m; i++)
    movedCitizen[i] = moved.size > 0 && moved.has(group[i]! * citizens + citizen[i]!) ? citizen[i]! : Number.NaN
  const table = aq.table(record<unknown>([...columns, ["citizen", citizen], ["movedCitizen", movedCitizen]]))
  return rollupBy(table, by, {
    participants: op.distinct("citizen"),
    distinctMoved: op.distinct("movedCitizen"),
    validMoved: op.valid("movedCitizen"),
    rows: op.count(),
  }).derive({ transitioned: "d => d.distinctMoved - (d.validMoved < d.rows ? 1 : 0)" })
}

const orsChange: Counts = (tables, by) => {
  const { from, to } = tables.days
  const totals = valuesOf(tables.fitScores, "total")
  const clinicalAt = valuesOf(tables.fitScores, "orsClinical")
  const reliableAt = valuesOf(tables.fitScores, "reliableChange")
  const perCitizen = rollupBy(
    tables.fitScores,
    [...by, "citizen"],
    { n: op.count(), firstOrder: op.min("order"), lastOrder: op.max("order") },
    { where: [{ column: "instrument", is: "equal", value: "ORS" }, daysWithin("day", from, to)] },
  )
  const m = perCitizen.numRows()
  const n = valuesOf(perCitizen, "n")
  const firstOrder = valuesOf(perCitizen, "firstOrder")
  const lastOrder = valuesOf(perCitizen, "lastOrder")
  const rows = new Uint8Array(m)
  const change = new Float64Array(m)
  const improved = new Uint8Array(m)
  const deteriorated = new Uint8Array(m)
  const clinicalStart = new Uint8Array(m)
  const recovered = new Uint8Array(m)
  for (let i = 0; i < m; i++) {
    if (!(n[i]! >= 2)) continue
    rows[i] = 1
    const first = firstOrder[i]! % ORDER_SHIFT
    const last = lastOrder[i]! % ORDER_SHIFT
    const c = totals[last]! - totals[first]!
    const reliable = reliableAt[last]!
    change[i] = c
    improved[i] = c >= reliable ? 1 : 0
    deteriorated[i] = c <= -reliable ? 1 : 0
    clinicalStart[i] = clinicalAt[first]!
    recovered[i] = clinicalAt[first] === 1 && clinicalAt[last] === 0 && c >= reliable ? 1 : 0
  }
  return rollupBy(
    perCitizen.assign({ change, improved, deteriorated, clinicalStart, recovered }),
    by,
    {
      citizens: op.count(),
      changeSum: op.sum("change"),
      changeValid: op.valid("change"),
      improved: op.sum("improved"),
      clinicalStart: op.sum("clinicalStart"),
      recovered: op.sum("recovered"),
      deteriorated: op.sum("deteriorated"),
    },
    { rows },
  ).derive({ meanChange: "d => d.changeSum / d.changeValid" })
}

const references: Readonly<Record<string, { readonly counts: Counts; readonly derive?: Counted["derive"] }>> = {
  participation: { counts: participation },
  attendanceRate: { counts: attendanceRate },
  capacityUse: {
    counts: capacityUse,
    derive: (filled) => withRate(filled, "perSession", "present", "sessions"),
  },
  newReturning: { counts: newReturning, derive: (filled) => filled.derive({ returning: "d => d.started - d.new" }) },
  communityTransition: { counts: communityTransition },
  orsChange: { counts: orsChange },
}

/** The indicator as its straightforward computation gives it. */
export const beforeFusedPasses = (indicator: Indicator): Indicator => {
  const { compute: _, ...spec } = indicator
  const r = references[indicator.id]!
  const counted = { ...spec, counts: r.counts, ...(r.derive === undefined ? {} : { derive: r.derive }) } as Counted
  return indicator.measures.some((m) => m.kind === "rate") ? rate(counted) : count(counted)
}
