// What the table builders share: the period, the memoised dates, the codes of
// citizens, the facts of each offering and the lookups from a record to its
// enrollment's row. One context is made per Tables.fromDataset call; the
// builders run in a fixed order, so citizens get their codes in that order.
import { Catalogue, type Dataset, type Offering, type Policy } from "@aktivitetsmodell/core"
import { Coder, type OfferingFacts } from "../internal/columns.js"
import { hasCompletion } from "../internal/completion.js"
import { DateParts } from "../internal/dates.js"
import { within } from "../internal/tableInput.js"
import type { Period } from "./types.js"

/** The name errors of the tables start with. */
export const name = "Tables.fromDataset"

/**
 * The factor of the `order` columns: records sort by day, then by their place
 * in the input, as `day * ORDER_SHIFT + row`; `order % ORDER_SHIFT` is the row.
 * @example
 * const row = order % Tables.ORDER_SHIFT
 * @category models
 */
export const ORDER_SHIFT = 2 ** 24

/** What every table builder reads. */
export interface Context {
  readonly dataset: Dataset.Dataset
  readonly period: Period
  readonly policy: Policy.Policy
  readonly dates: DateParts
  /** Citizens as integer codes, in order of first appearance. */
  readonly citizens: Coder<string>
  /**
   * The code of a record's citizen, given the row of its enrollment (or -1):
   * a record names its enrollment's citizen as a rule, so the code is looked
   * up once per enrollment, not once per record.
   */
  readonly citizenOf: (id: string, enrollmentRow: number) => number
  /** The offerings the dataset lists, then the catalogue's it lacks. */
  readonly offerings: ReadonlyArray<Offering.Offering>
  readonly facts: (offering: string) => OfferingFacts | undefined
  readonly categoryOf: (offering: string | undefined) => string | null
  /** Offerings known to be open, meant for long-term participation: their enrollments cannot be completed. */
  readonly withoutCompletion: ReadonlySet<string>
  readonly capacityFor: (offering: string) => number | null
  /** The row of an enrollment id in `enrollments`, or -1. */
  readonly enrollmentOf: (id: string | undefined) => number
  readonly offeringOfEnrollment: (row: number) => string | undefined
  /** The day of each referral, by id. */
  readonly referralDay: ReadonlyMap<string, number>
}

/** The context of one dataset and period. */
export const context = (
  dataset: Dataset.Dataset,
  period: Period,
  capacityFor: (offering: string) => number | null,
  policy: Policy.Policy,
): Context => {
  const dates = new DateParts()
  // Offerings the dataset lists win; the catalogue fills in any it lacks.
  const offerings = [
    ...dataset.offerings,
    ...Catalogue.sandnes().offerings.filter((o) => !dataset.offerings.some((d) => d.id === o.id)),
  ]
  const offeringFacts = new Map<string, OfferingFacts>(
    offerings.map((o) => [o.id as string, { category: o.category, department: o.operator.department }]),
  )
  const en = dataset.enrollments
  const enrollmentRow = new Map<string, number>()
  for (let i = 0; i < en.length; i++) enrollmentRow.set(en[i]!.id, i)
  // The row the map gives for its id (the last of duplicates): only such a row may be taken without the map.
  const mapped = new Uint8Array(en.length)
  for (const row of enrollmentRow.values()) mapped[row] = 1
  let lastEnrollment: string | undefined
  let lastRow = -1
  const citizens = new Coder<string>()
  const enrollmentCitizen = new Int32Array(en.length).fill(-1)
  const referralDay = new Map<string, number>()
  within(name, "referrals", () => {
    for (const r of dataset.referrals) referralDay.set(r.id, dates.day(r.date))
  })
  return {
    dataset,
    period,
    policy,
    dates,
    citizens,
    citizenOf: (id, row) => {
      if (row < 0) return citizens.code(id)
      const known = enrollmentCitizen[row]!
      if (known >= 0 && en[row]!.citizenId === id) return known
      const code = citizens.code(id)
      if (en[row]!.citizenId === id) enrollmentCitizen[row] = code
      return code
    },
    offerings,
    facts: (id) => offeringFacts.get(id),
    categoryOf: (id) => (id === undefined ? null : (offeringFacts.get(id)?.category ?? null)),
    // An offering the list does not know may well have an end: only a known open one is left out.
    withoutCompletion: new Set(offerings.filter((o) => !hasCompletion(o)).map((o) => o.id as string)),
    capacityFor,
    // Attendance names the same enrollment row after row; look it up once per
    // run. Exports often list records in their enrollments' order, so the
    // next enrollment is tried before the map.
    enrollmentOf: (id) => {
      if (id === undefined) return -1
      if (id !== lastEnrollment) {
        lastEnrollment = id
        lastRow = mapped[lastRow + 1] === 1 && en[lastRow + 1]!.id === id ? lastRow + 1 : (enrollmentRow.get(id) ?? -1)
      }
      return lastRow
    },
    offeringOfEnrollment: (row) => (row < 0 ? undefined : en[row]?.offeringId),
    referralDay,
  }
}
