// Column building in one pass per table. A million attendance rows repeat a
// few dozen offerings, a few hundred dates and, row after row, the same
// enrollment and citizen, so every coder remembers the last value it saw and
// looks a value up in its map only when it changes.
import { Calendar, IsoDate } from "@aktivitetsmodell/core"
import { DictionaryColumn } from "./DictionaryColumn.js"
import { DateError, type DateParts } from "./dates.js"

/** What the builder needs to know of an offering. */
export interface OfferingFacts {
  readonly category: string | null
  readonly department: string | null
}

/** Gives each distinct value a small integer code, in order of first appearance. */
export class Coder<T> {
  readonly values: Array<T> = []
  private readonly index = new Map<T, number>()
  private last: T | undefined
  private lastCode = -1

  code(v: T): number {
    if (this.lastCode >= 0 && v === this.last) return this.lastCode
    let c = this.index.get(v)
    if (c === undefined) {
      c = this.values.length
      this.values.push(v)
      this.index.set(v, c)
    }
    this.last = v
    this.lastCode = c
    return c
  }
}

/**
 * The rows of `rows` whose ISO date lies within `from`–`to` (ISO dates compare
 * as text). A date that is not a calendar date would compare as some other
 * day, or drop its record without a word, so it is refused instead: those in
 * the period when their parts are read (DateParts), the others here, each
 * distinct date checked once.
 */
export const rowsWithin = <R>(rows: ReadonlyArray<R>, date: (r: R) => string, from: string, to: string): Int32Array => {
  const out = new Int32Array(rows.length)
  const outside = new Set<string>()
  let m = 0
  for (let i = 0; i < rows.length; i++) {
    const d = date(rows[i]!)
    if (typeof d === "string" && d >= from && d <= to) out[m++] = i
    else if (!outside.has(d)) {
      // The table's builder names the record and field that hold it.
      if (!IsoDate.isIsoDate(d)) throw new DateError(d, i)
      outside.add(d)
    }
  }
  return out.subarray(0, m)
}

/** Every row index of a table of `n` rows. */
export const allRows = (n: number): Int32Array => {
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

/**
 * Fills the dimension columns of a table (offering, category, department,
 * day, month, year) row by row from each row's offering id and ISO date, so a
 * table's own loop can fill them in the same pass as its other columns.
 */
export class DimensionBuilder {
  private readonly offering: Uint32Array
  private readonly category: Uint32Array
  private readonly department: Uint32Array
  private readonly day: Int32Array
  private readonly month: Uint32Array
  private readonly year: Uint32Array
  private readonly offerings = new Coder<string | undefined>()
  private readonly categories = new Coder<string | null>()
  private readonly departments = new Coder<string | null>()
  private readonly months = new Coder<string>()
  private readonly years = new Coder<string>()
  // Dates by their digits (see Calendar.dateKey): a number hashes without reading the
  // text again. Other texts (never a calendar date) by the text.
  private readonly keyCodes = new Map<number, number>()
  private readonly textCodes = new Map<string, number>()
  private lastKey = -1
  private lastKeyCode = -1
  private readonly offeringCategory: Array<number> = []
  private readonly offeringDepartment: Array<number> = []
  private readonly dateDay: Array<number> = []
  private readonly dateMonth: Array<number> = []
  private readonly dateYear: Array<number> = []

  constructor(
    n: number,
    private readonly facts: (offering: string) => OfferingFacts | undefined,
    private readonly dates: DateParts,
  ) {
    this.offering = new Uint32Array(n)
    this.category = new Uint32Array(n)
    this.department = new Uint32Array(n)
    this.day = new Int32Array(n)
    this.month = new Uint32Array(n)
    this.year = new Uint32Array(n)
  }

  /** Row `i` gets offering `o` and date `d`; `key` is `Calendar.dateKey(d)`, given when the caller has it already. */
  set(i: number, o: string | undefined, d: string, key: number = Calendar.dateKey(d)): void {
    const oc = this.offerings.code(o)
    if (oc === this.offeringCategory.length) {
      const f = o === undefined ? undefined : this.facts(o)
      this.offeringCategory.push(this.categories.code(f?.category ?? null))
      this.offeringDepartment.push(this.departments.code(f?.department ?? null))
    }
    this.offering[i] = oc
    this.category[i] = this.offeringCategory[oc]!
    this.department[i] = this.offeringDepartment[oc]!
    const dc = this.dateCode(d, key)
    this.day[i] = this.dateDay[dc]!
    this.month[i] = this.dateMonth[dc]!
    this.year[i] = this.dateYear[dc]!
  }

  // The code of a date, its parts read (and the date checked) on first sight.
  // A date shaped YYYY-MM-DD is found by its key; any other text by the
  // text, though DateParts refuses it anyway.
  private dateCode(d: string, key: number): number {
    if (key >= 0 && key === this.lastKey) return this.lastKeyCode
    let dc = key >= 0 ? this.keyCodes.get(key) : this.textCodes.get(d)
    if (dc === undefined) {
      const p = this.dates.parts(d)
      dc = this.dateDay.length
      if (key >= 0) this.keyCodes.set(key, dc)
      else this.textCodes.set(d, dc)
      this.dateDay.push(p.day)
      this.dateMonth.push(this.months.code(p.month))
      this.dateYear.push(this.years.code(p.year))
    }
    if (key >= 0) {
      this.lastKey = key
      this.lastKeyCode = dc
    }
    return dc
  }

  /** Row `to` gets the dimensions of row `from`: the same offering and date. */
  copy(from: number, to: number): void {
    this.offering[to] = this.offering[from]!
    this.category[to] = this.category[from]!
    this.department[to] = this.department[from]!
    this.day[to] = this.day[from]!
    this.month[to] = this.month[from]!
    this.year[to] = this.year[from]!
  }

  /** The columns of the first `n` rows (all by default): a table that kept fewer rows than it made room for. */
  columns(n: number = this.day.length) {
    const cut = <A extends Uint32Array | Int32Array>(a: A): A => (n === a.length ? a : (a.slice(0, n) as A))
    return {
      offering: new DictionaryColumn(
        cut(this.offering),
        this.offerings.values.map((v) => v ?? null),
      ),
      category: new DictionaryColumn(cut(this.category), this.categories.values),
      department: new DictionaryColumn(cut(this.department), this.departments.values),
      day: cut(this.day),
      month: new DictionaryColumn(cut(this.month), this.months.values),
      year: new DictionaryColumn(cut(this.year), this.years.values),
    }
  }
}

/** The dimension columns of the selected rows, in a pass of their own. */
export const dimensionColumns = (
  rows: Int32Array,
  offeringAt: (row: number) => string | undefined,
  dateAt: (row: number) => string,
  facts: (offering: string) => OfferingFacts | undefined,
  dates: DateParts,
) => {
  const b = new DimensionBuilder(rows.length, facts, dates)
  for (let i = 0; i < rows.length; i++) b.set(i, offeringAt(rows[i]!), dateAt(rows[i]!))
  return b.columns()
}

/** An Int32Array of `f` over the selected rows. */
export const ints = (rows: Int32Array, f: (row: number) => number): Int32Array => {
  const out = new Int32Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = f(rows[i]!)
  return out
}

/** A Float64Array of `f` over the selected rows. */
export const floats = (rows: Int32Array, f: (row: number) => number): Float64Array => {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = f(rows[i]!)
  return out
}
