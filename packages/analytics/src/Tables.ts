/**
 * arquero tables built from a municipality-year of core records: the input
 * every indicator reads.
 *
 * Citizens appear only as integer codes, never as pseudonyms, so nothing an
 * indicator computes can carry an identifier. Dimension columns (offering,
 * category, department, month, year; the KPR service type on enrollments)
 * are dictionary-encoded and repeated on every table that needs them
 * ("pre-keyed"), so indicators group without joining back to the offering
 * list.
 *
 * @module
 */
import { Catalogue, Crosswalk, type Dataset, KprCheck, Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { guard } from "./internal/boundary.js"
import { optionsOf } from "./internal/checks.js"
import {
  allRows,
  Coder,
  DimensionBuilder,
  dimensionColumns,
  ints,
  type OfferingFacts,
  rowsWithin,
} from "./internal/columns.js"
import { hasCompletion } from "./internal/completion.js"
import { DictionaryColumn, encode } from "./internal/DictionaryColumn.js"
import { DateParts, dayOf } from "./internal/dates.js"
import { capacityOf, checkDataset, checkIds, periodOf, requiredPercentOf, within } from "./internal/tableInput.js"

import { codeOf } from "./privacy/Themes.js"

/**
 * The period indicators cover, as ISO dates (inclusive).
 * @category models
 */
export interface Period {
  readonly from: string
  readonly to: string
}

/**
 * The tables of one period. Columns, by table:
 * - `offerings`: offering, name, nameEn, category, department, team, partners (comma-separated), status (active, transferred, discontinued), capacity,
 *   hasCompletion (1 when an enrollment can end as completed: not an open offering meant for long-term participation)
 * - `departments`: department, name, nameEn
 * - `attendance` (rows in the period): enrollment, citizen, offering, category, department, day, month, year, present, noShow
 * - `sessions` (rows in the period): offering, category, department, day, month, year, students, volunteers
 * - `enrollments` (all): enrollment, citizen, offering, category, department, kprService (the offering's KPR service type from the crosswalk, null when it is not reported), kprIncomplete (1 when `KprCheck` finds the register would lack something), start, startMonth, startYear, stop, closed, closedMonth, closedYear, status, completed, hasCompletion (the offering's), referralDay
 * - `extensions`: enrollment, day
 * - `goalEvaluations`: enrollment, offering, category, department, day, month, year, order, goalReached
 * - `transitions`: citizen, enrollment, offering, category, department, day, month, year
 * - `fitScores`: citizen, offering, category, department, day, month, year, order, instrument, total,
 *   srsAlert (1 when an SRS total is below the alert threshold of its date), orsClinical (1 when an
 *   ORS total is below the clinical cutoff of its date), reliableChange (the ORS reliable-change threshold of its date)
 * - `contributions`: department, from, to, share, form
 * - `feedback`: source, offering, category, department, day, month, year, rating, theme (a code of `Themes`: free text that is no theme of the list is `annet`)
 *
 * Days are day numbers (days since 1970-01-01); `order` sorts records by day
 * and then by their place in the input. `enrollment` is the enrollment's row
 * in `enrollments`, or -1 when the record names none.
 * @category models
 */
export interface Tables {
  readonly period: Period
  readonly days: { readonly from: number; readonly to: number }
  readonly requiredContributionPercent: number
  /** The policy the tables were built with: the default disclosure profile comes from it. */
  readonly policy: Policy.Policy
  readonly offerings: ColumnTable
  readonly departments: ColumnTable
  readonly attendance: ColumnTable
  readonly sessions: ColumnTable
  readonly enrollments: ColumnTable
  readonly extensions: ColumnTable
  readonly goalEvaluations: ColumnTable
  readonly transitions: ColumnTable
  readonly fitScores: ColumnTable
  readonly contributions: ColumnTable
  readonly feedback: ColumnTable
}

/**
 * Options for {@link fromDataset}. `policy` (required) gives every policy
 * number the tables carry: the FIT thresholds of each form's date and the
 * required department contribution (build it with `InForce.policy(tree)`
 * from `@aktivitetsmodell/rules`). `period` defaults to the dataset's year;
 * `capacity` gives places per session by offering id (the catalogue has no
 * capacities), a whole number above 0 each, as an object or a Map (only own
 * keys count); `requiredContributionPercent` overrides the policy's
 * `departments.contribution-percent` on the period's last day.
 * @category models
 */
export interface Options {
  readonly policy: Policy.Policy
  readonly period?: Period
  readonly capacity?: Readonly<Record<string, number>> | ReadonlyMap<string, number>
  readonly requiredContributionPercent?: number
}

/**
 * The factor of the `order` columns: records sort by day, then by their place
 * in the input, as `day * ORDER_SHIFT + row`; `order % ORDER_SHIFT` is the row.
 * @example
 * const row = order % Tables.ORDER_SHIFT
 * @category models
 */
export const ORDER_SHIFT = 2 ** 24

const name = "Tables.fromDataset"

// The columns that hold ids from the records, checked once the tables are built.
const idColumns: ReadonlyArray<readonly [string, string]> = [
  ...[
    "offerings",
    "attendance",
    "sessions",
    "enrollments",
    "goalEvaluations",
    "transitions",
    "fitScores",
    "feedback",
  ].flatMap((t) => ["offering", "category", "department"].map((c) => [t, c] as const)),
  ["departments", "department"],
  ["contributions", "department"],
  ["feedback", "source"],
]

/**
 * Builds the tables of a municipality-year. Attendance and sessions are kept
 * only inside the period; enrollments and the other records are kept whole,
 * because indicators need their history (a citizen's first enrollment, a
 * treatment that started the year before). A dataset that did not come
 * through core's schemas is checked where it matters: lists per entity,
 * calendar dates, ids as text without "|".
 * @example
 * const tables = Tables.fromDataset(year, { capacity: { sandneshallen: 25 } })
 * tables.attendance.numRows()
 * @category constructors
 */
export const fromDataset = guard(
  name,
  {
    nb: "et kommuneår (et Dataset fra core, som loadDataset eller generate gir) og { policy, period?, capacity?, requiredContributionPercent? }",
    en: "a municipality-year (a core Dataset, as loadDataset or generate give it) and { policy, period?, capacity?, requiredContributionPercent? }",
  },
  (input: Dataset.Dataset, options: Options): Tables => {
    const o = optionsOf(name, options)
    const policy = Policy.ensure(name, o.policy)
    const period = periodOf(name, o.period, checkDataset(name, input))
    const capacity = capacityOf(name, o.capacity)
    const requiredContributionPercent = requiredPercentOf(name, o.requiredContributionPercent, policy, period.to)
    const tables = build(input, period, capacity, policy)
    checkIds(name, tables as unknown as Readonly<Record<string, ColumnTable>>, idColumns)
    return { ...tables, requiredContributionPercent, policy }
  },
)

const build = (
  dataset: Dataset.Dataset,
  period: Period,
  capacityFor: (offering: string) => number | null,
  policy: Policy.Policy,
): Omit<Tables, "requiredContributionPercent" | "policy"> => {
  const from = dayOf(period.from)
  const to = dayOf(period.to)
  const dates = new DateParts()
  const citizens = new Coder<string>()
  const citizen = (pseudonym: string): number => citizens.code(pseudonym)

  // Offerings the dataset lists win; the catalogue fills in any it lacks.
  const offeringList = [
    ...dataset.offerings,
    ...Catalogue.sandnes().offerings.filter((o) => !dataset.offerings.some((d) => d.id === o.id)),
  ]
  const offeringFacts = new Map<string, OfferingFacts>(
    offeringList.map((o) => [o.id as string, { category: o.category, department: o.operator.department }]),
  )
  const facts = (id: string) => offeringFacts.get(id)
  const categoryOf = (id: string | undefined): string | null =>
    id === undefined ? null : (offeringFacts.get(id)?.category ?? null)
  // An offering the list does not know may well have an end: only a known open one is left out.
  const withoutCompletion = new Set(offeringList.filter((o) => !hasCompletion(o)).map((o) => o.id as string))

  const en = dataset.enrollments
  const enrollmentRow = new Map<string, number>()
  for (let i = 0; i < en.length; i++) enrollmentRow.set(en[i]!.id, i)
  let lastEnrollment: string | undefined
  let lastRow = -1
  // Attendance names the same enrollment row after row; look it up once per run.
  const enrollmentOf = (id: string | undefined): number => {
    if (id === undefined) return -1
    if (id !== lastEnrollment) {
      lastEnrollment = id
      lastRow = enrollmentRow.get(id) ?? -1
    }
    return lastRow
  }
  const offeringOfEnrollment = (row: number): string | undefined => (row < 0 ? undefined : en[row]?.offeringId)
  const referralDay = new Map<string, number>()
  within(name, "referrals", () => {
    for (const r of dataset.referrals) referralDay.set(r.id, dates.day(r.date))
  })

  const attendance = within(name, "attendance", () => {
    const at = dataset.attendance
    const atRows = rowsWithin(at, (a) => a.date, period.from, period.to)
    // One pass over the attendance rows fills every column: a million record
    // objects are read once, not once per column. Each row names its
    // enrollment's row in `enrollments`; the codes are local so that every
    // group of the dictionary has rows.
    const localCode = new Int32Array(en.length + 1).fill(-1)
    const enrollmentValues: Array<number> = []
    const enrollmentCodes = new Uint32Array(atRows.length)
    const atCitizen = new Int32Array(atRows.length)
    const atPresent = new Uint8Array(atRows.length)
    const atNoShow = new Uint8Array(atRows.length)
    const atDims = new DimensionBuilder(atRows.length, facts, dates)
    for (let i = 0; i < atRows.length; i++) {
      const a = at[atRows[i]!]!
      const row = enrollmentOf(a.enrollmentId) + 1
      let code = localCode[row]!
      if (code < 0) {
        code = localCode[row] = enrollmentValues.length
        enrollmentValues.push(row - 1)
      }
      enrollmentCodes[i] = code
      atCitizen[i] = citizens.code(a.citizenId)
      atDims.set(i, a.offeringId, a.date)
      atPresent[i] = a.status === "present" ? 1 : 0
      atNoShow[i] = a.status === "no-show" ? 1 : 0
    }
    return aq.table({
      enrollment: new DictionaryColumn(enrollmentCodes, enrollmentValues),
      citizen: atCitizen,
      ...atDims.columns(),
      present: atPresent,
      noShow: atNoShow,
    })
  })

  const sessions = within(name, "sessions", () => {
    const se = dataset.sessions
    const seRows = rowsWithin(se, (s) => s.date, period.from, period.to)
    return aq.table({
      ...dimensionColumns(
        seRows,
        (r) => se[r]!.offeringId,
        (r) => se[r]!.date,
        facts,
        dates,
      ),
      students: ints(seRows, (r) => se[r]!.students),
      volunteers: ints(seRows, (r) => se[r]!.volunteers),
    })
  })

  const enrollments = within(name, "enrollments", () => {
    // One pass over the enrollments as well.
    const enRows = allRows(en.length)
    const enCitizen = new Int32Array(en.length)
    const enDims = new DimensionBuilder(en.length, facts, dates)
    const stop: Array<number | null> = new Array(en.length)
    const closed: Array<number | null> = new Array(en.length)
    const closedMonth = new Coder<string | null>()
    const closedYear = new Coder<string | null>()
    const closedMonthCodes = new Uint32Array(en.length)
    const closedYearCodes = new Uint32Array(en.length)
    const status = new Coder<string>()
    const statusCodes = new Uint32Array(en.length)
    const completed = new Uint8Array(en.length)
    const completes = new Uint8Array(en.length)
    const referred: Array<number | null> = new Array(en.length)
    const kprServices = Crosswalk.reportable()
    const kprService = new Coder<string | null>()
    const kprServiceCodes = new Uint32Array(en.length)
    const kprIncomplete = new Uint8Array(en.length)
    for (const p of KprCheck.check(dataset)) kprIncomplete[p.path[1] as number] = 1
    for (let i = 0; i < en.length; i++) {
      const e = en[i]!
      enCitizen[i] = citizens.code(e.citizenId)
      enDims.set(i, e.offeringId, e.start)
      // The last day of participation: when it closed, else its planned end; open-ended ones have none.
      const last = e.closedOn ?? e.end
      const p = last === undefined ? undefined : dates.parts(last)
      stop[i] = p === undefined ? null : p.day
      const c = e.status === "ongoing" ? undefined : p
      closed[i] = c === undefined ? null : c.day
      closedMonthCodes[i] = closedMonth.code(c === undefined ? null : c.month)
      closedYearCodes[i] = closedYear.code(c === undefined ? null : c.year)
      statusCodes[i] = status.code(e.status)
      completed[i] = e.status === "completed" ? 1 : 0
      completes[i] = withoutCompletion.has(e.offeringId) ? 0 : 1
      referred[i] = e.referralId === undefined ? null : (referralDay.get(e.referralId) ?? null)
      kprServiceCodes[i] = kprService.code(kprServices.get(e.offeringId)?.code ?? null)
    }
    const startDims = enDims.columns()
    return aq.table({
      enrollment: enRows,
      citizen: enCitizen,
      offering: startDims.offering,
      category: startDims.category,
      department: startDims.department,
      kprService: new DictionaryColumn(kprServiceCodes, kprService.values),
      kprIncomplete,
      start: startDims.day,
      startMonth: startDims.month,
      startYear: startDims.year,
      stop,
      closed,
      closedMonth: new DictionaryColumn(closedMonthCodes, closedMonth.values),
      closedYear: new DictionaryColumn(closedYearCodes, closedYear.values),
      status: new DictionaryColumn(statusCodes, status.values),
      completed,
      hasCompletion: completes,
      referralDay: referred,
    })
  })

  const extensions = within(name, "extensions", () => {
    const ex = dataset.extensions
    const exRows = allRows(ex.length)
    return aq.table({
      enrollment: ints(exRows, (r) => enrollmentOf(ex[r]!.enrollmentId)),
      day: ints(exRows, (r) => dates.day(ex[r]!.date)),
    })
  })

  const goalEvaluations = within(name, "goalEvaluations", () => {
    const ge = dataset.goalEvaluations
    const geRows = allRows(ge.length)
    const geRow = ints(geRows, (r) => enrollmentOf(ge[r]!.enrollmentId))
    return aq.table({
      enrollment: geRow,
      ...dimensionColumns(
        geRows,
        (r) => offeringOfEnrollment(geRow[r]!),
        (r) => ge[r]!.date,
        facts,
        dates,
      ),
      order: Float64Array.from(ge, (g, i) => dates.day(g.date) * ORDER_SHIFT + i),
      goalReached: ge.map((g) => g.goalReached as string),
    })
  })

  const transitions = within(name, "transitions", () => {
    const tr = dataset.transitions
    const trRows = allRows(tr.length)
    const trRow = ints(trRows, (r) => enrollmentOf(tr[r]!.enrollmentId))
    return aq.table({
      citizen: ints(trRows, (r) => citizen(tr[r]!.citizenId)),
      enrollment: trRow,
      ...dimensionColumns(
        trRows,
        (r) => tr[r]!.fromOfferingId ?? offeringOfEnrollment(trRow[r]!),
        (r) => tr[r]!.date,
        facts,
        dates,
      ),
    })
  })

  const fitScores = within(name, "fitScores", () => {
    const fs = dataset.fitScores
    const fsCitizen = new Int32Array(fs.length)
    const fsDims = new DimensionBuilder(fs.length, facts, dates)
    const fsOrder = new Float64Array(fs.length)
    const instrument = new Coder<string>()
    const instrumentCodes = new Uint32Array(fs.length)
    const total = new Float64Array(fs.length)
    // The FIT thresholds of each form's date, as the policy dates them.
    // Forms share few dates: each threshold is looked up once per date.
    const memo = new Map<string, number>()
    const threshold = (parameter: string, date: string): number => {
      const key = `${parameter}|${date}`
      let v = memo.get(key)
      if (v === undefined)
        memo.set(key, (v = Policy.requireNumber(policy, parameter, { question: date, session: date })))
      return v
    }
    const srsAlert = new Uint8Array(fs.length)
    const orsClinical = new Uint8Array(fs.length)
    const reliableChange = new Float64Array(fs.length)
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i]!
      fsCitizen[i] = citizens.code(f.citizenId)
      fsDims.set(i, offeringOfEnrollment(enrollmentOf(f.enrollmentId)), f.date)
      fsOrder[i] = dates.day(f.date) * ORDER_SHIFT + i
      instrumentCodes[i] = instrument.code(f.instrument)
      total[i] = f.total
      if (f.instrument === "SRS") srsAlert[i] = f.total < threshold(Policy.names.srsAlertBelow, f.date) ? 1 : 0
      else {
        orsClinical[i] = f.total < threshold(Policy.names.orsCutoff, f.date) ? 1 : 0
        reliableChange[i] = threshold(Policy.names.orsReliableChange, f.date)
      }
    }
    return aq.table({
      citizen: fsCitizen,
      ...fsDims.columns(),
      order: fsOrder,
      instrument: new DictionaryColumn(instrumentCodes, instrument.values),
      total,
      srsAlert,
      orsClinical,
      reliableChange,
    })
  })

  const contributions = within(name, "contributions", () => {
    const co = dataset.contributions
    return aq.table({
      department: encode(co.length, (i) => co[i]!.department as string),
      from: ints(allRows(co.length), (r) => dates.day(co[r]!.from)),
      to: co.map((c) => (c.to === undefined ? null : dates.day(c.to))),
      share: Float64Array.from(co, (c) => c.sharePercent),
      form: co.map((c) => c.form as string),
    })
  })

  const feedback = within(name, "feedback", () => {
    const fb = dataset.feedback
    const fbRows = allRows(fb.length)
    return aq.table({
      source: encode(fb.length, (i) => fb[i]!.source as string),
      ...dimensionColumns(
        fbRows,
        (r) => fb[r]!.offeringId,
        (r) => fb[r]!.date,
        facts,
        dates,
      ),
      // Feedback about a whole category names the category without an offering.
      category: encode(fb.length, (i) => fb[i]!.category ?? categoryOf(fb[i]!.offeringId)),
      rating: fb.map((f) => f.rating ?? null),
      // A code of the closed list, never the free text (it may name someone).
      theme: fb.map((f) => codeOf(f.theme)),
    })
  })

  const offerings = aq.table({
    offering: offeringList.map((o) => o.id as string),
    name: offeringList.map((o) => o.name),
    nameEn: offeringList.map((o) => o.nameEn),
    category: offeringList.map((o) => o.category as string),
    department: offeringList.map((o) => o.operator.department as string),
    team: offeringList.map((o) => o.operator.team as string),
    partners: offeringList.map((o) => o.operator.partners.join(",")),
    status: offeringList.map((o) => o.status.kind as string),
    capacity: offeringList.map((o) => capacityFor(o.id)),
    hasCompletion: offeringList.map((o) => (hasCompletion(o) ? 1 : 0)),
  })
  const departmentList = dataset.departments.length > 0 ? dataset.departments : Catalogue.sandnes().departments
  const departments = aq.table({
    department: departmentList.map((d) => d.id as string),
    name: departmentList.map((d) => d.name),
    nameEn: departmentList.map((d) => d.nameEn),
  })

  return {
    period,
    days: { from, to },
    offerings,
    departments,
    attendance,
    sessions,
    enrollments,
    extensions,
    goalEvaluations,
    transitions,
    fitScores,
    contributions,
    feedback,
  }
}
