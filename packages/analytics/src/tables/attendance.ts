// The `attendance` table: the attendance records in the period.
import { Calendar, IsoDate } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { DimensionBuilder, rowsWithin } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import type { Context } from "./context.js"

/** Columns: enrollment, citizen, offering, category, department, day, month, year, present, noShow. */
export const attendance = (c: Context): ColumnTable => {
  const at = c.dataset.attendance
  const { from, to } = c.period
  try {
    return build(c, at, from, to)
  } catch (e) {
    // One pass does what two did (pick the rows in the period, then fill
    // them); an error is the one the first pass over the dates would have
    // given, else the one met filling.
    rowsWithin(at, (a) => a.date, from, to)
    throw e
  }
}

const build = (c: Context, at: Context["dataset"]["attendance"], from: string, to: string): ColumnTable => {
  const n = at.length
  // One pass over the attendance rows picks the rows in the period and fills
  // every column: a million record objects are read once, not once per
  // column. Each row names its enrollment's row in `enrollments`; the codes
  // are local so that every group of the dictionary has rows. Columns get
  // room for every row and are cut to those kept.
  const fromKey = Calendar.dateKey(from)
  const toKey = Calendar.dateKey(to)
  const outside = new Set<number>()
  const localCode = new Int32Array(c.dataset.enrollments.length + 1).fill(-1)
  const enrollmentValues: Array<number> = []
  const enrollmentCodes = new Uint32Array(n)
  const citizen = new Int32Array(n)
  const present = new Uint8Array(n)
  const noShow = new Uint8Array(n)
  const dims = new DimensionBuilder(n, c.facts, c.dates)
  // Consecutive rows mostly repeat the enrollment, citizen, offering and date
  // of the row before (the same strings): those are compared before any lookup.
  let lastEnrollment: string | undefined
  let lastCode = -1
  let enrollmentRow = -1
  let lastCitizen: string | undefined
  let lastCitizenCode = -1
  let lastOffering: string | undefined
  let lastKey = -1
  let m = 0
  for (let r = 0; r < n; r++) {
    const a = at[r]!
    const d = a.date
    const key = Calendar.dateKey(d)
    if (key < 0) {
      // Not shaped as a date: outside the period it is refused as the rows
      // are picked; inside, when its parts are read.
      if (!(typeof d === "string" && d >= from && d <= to)) rowsWithin(at, (x) => x.date, from, to)
    } else if (key < fromKey || key > toKey) {
      if (!outside.has(key)) {
        if (!IsoDate.isIsoDate(d)) rowsWithin(at, (x) => x.date, from, to)
        outside.add(key)
      }
      continue
    }
    const i = m++
    const eid = a.enrollmentId
    if (lastCode < 0 || eid !== lastEnrollment) {
      enrollmentRow = c.enrollmentOf(eid)
      const row = enrollmentRow + 1
      let code = localCode[row]!
      if (code < 0) {
        code = localCode[row] = enrollmentValues.length
        enrollmentValues.push(row - 1)
      }
      lastEnrollment = eid
      lastCode = code
    }
    enrollmentCodes[i] = lastCode
    const cid = a.citizenId
    if (lastCitizenCode < 0 || cid !== lastCitizen) {
      lastCitizen = cid
      lastCitizenCode = c.citizenOf(cid, enrollmentRow)
    }
    citizen[i] = lastCitizenCode
    const o = a.offeringId
    if (i > 0 && key >= 0 && key === lastKey && o === lastOffering) dims.copy(i - 1, i)
    else {
      dims.set(i, o, d, key)
      lastOffering = o
      lastKey = key
    }
    const status = a.status
    present[i] = status === "present" ? 1 : 0
    noShow[i] = status === "no-show" ? 1 : 0
  }
  const cut = <A extends Uint32Array | Int32Array | Uint8Array>(x: A): A => (m === n ? x : (x.slice(0, m) as A))
  return aq.table({
    enrollment: new DictionaryColumn(cut(enrollmentCodes), enrollmentValues),
    citizen: cut(citizen),
    ...dims.columns(m),
    present: cut(present),
    noShow: cut(noShow),
  })
}
