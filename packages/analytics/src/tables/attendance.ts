// The `attendance` table: the attendance records in the period.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { DimensionBuilder, rowsWithin } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import type { Context } from "./context.js"

/** Columns: enrollment, citizen, offering, category, department, day, month, year, present, noShow. */
export const attendance = (c: Context): ColumnTable => {
  const at = c.dataset.attendance
  const rows = rowsWithin(at, (a) => a.date, c.period.from, c.period.to)
  // One pass over the attendance rows fills every column: a million record
  // objects are read once, not once per column. Each row names its
  // enrollment's row in `enrollments`; the codes are local so that every
  // group of the dictionary has rows.
  const localCode = new Int32Array(c.dataset.enrollments.length + 1).fill(-1)
  const enrollmentValues: Array<number> = []
  const enrollmentCodes = new Uint32Array(rows.length)
  const citizen = new Int32Array(rows.length)
  const present = new Uint8Array(rows.length)
  const noShow = new Uint8Array(rows.length)
  const dims = new DimensionBuilder(rows.length, c.facts, c.dates)
  // Consecutive rows mostly repeat the enrollment, citizen, offering and date
  // of the row before (the same strings): those are compared before any lookup.
  let lastEnrollment: string | undefined
  let lastCode = -1
  let enrollmentRow = -1
  let lastCitizen: string | undefined
  let lastCitizenCode = -1
  let lastOffering: string | undefined
  let lastDate: string | undefined
  let lastRow = -1
  for (let i = 0; i < rows.length; i++) {
    const a = at[rows[i]!]!
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
    const d = a.date
    if (lastRow >= 0 && o === lastOffering && d === lastDate) dims.copy(lastRow, i)
    else {
      dims.set(i, o, d)
      lastOffering = o
      lastDate = d
    }
    lastRow = i
    const status = a.status
    present[i] = status === "present" ? 1 : 0
    noShow[i] = status === "no-show" ? 1 : 0
  }
  return aq.table({
    enrollment: new DictionaryColumn(enrollmentCodes, enrollmentValues),
    citizen,
    ...dims.columns(),
    present,
    noShow,
  })
}
