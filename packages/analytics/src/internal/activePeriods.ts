// The enrollments active in the period, as row numbers of `enrollments`,
// and when a count goes by month or year, one row per (enrollment, month or
// year it overlaps within the period), so that each month counts its own
// participants. Typed passes: each distinct start or stop day is turned
// into a month once.
import { Calendar } from "@aktivitetsmodell/core"
import type { Tables } from "../tables/types.js"
import { DictionaryColumn } from "./DictionaryColumn.js"
import { valuesOf } from "./kernel/read.js"

/** The active rows, and for a grain the month (`YYYY-MM`) or year of each. */
export interface Active {
  readonly rows: Int32Array
  readonly period: DictionaryColumn<string> | undefined
}

// A month or year as one number: months since year 0, or the year itself.
const unitOf = (grain: "month" | "year", day: number): number => {
  const iso = Calendar.fromDayNumber(day)
  const y = Number(iso.slice(0, 4))
  return grain === "year" ? y : y * 12 + Number(iso.slice(5, 7)) - 1
}

const labelOf = (grain: "month" | "year", unit: number): string => {
  if (grain === "year") return String(unit)
  const y = Math.floor(unit / 12)
  return `${String(y).padStart(4, "0")}-${String((unit % 12) + 1).padStart(2, "0")}`
}

/**
 * Enrollments that overlap the period (started by its last day, not stopped
 * before its first), unrolled by `grain` when one is given: the months or
 * years from the later of start and the period's first day to the earlier
 * of stop (or the period's end) and its last day.
 */
export const activePeriods = (tables: Tables, grain: "month" | "year" | undefined): Active => {
  const { from, to } = tables.days
  const e = tables.enrollments
  const n = e.numRows()
  const start = valuesOf(e, "start")
  const stop = valuesOf<number | null>(e, "stop")
  const overlaps = (i: number): boolean => {
    const s = stop[i]
    return start[i]! <= to && (s === null || s === undefined || s >= from)
  }
  if (grain === undefined) {
    const rows = new Int32Array(n)
    let m = 0
    for (let i = 0; i < n; i++) if (overlaps(i)) rows[m++] = i
    return { rows: rows.slice(0, m), period: undefined }
  }
  const units = new Map<number, number>()
  const unit = (day: number): number => {
    let u = units.get(day)
    if (u === undefined) {
      u = unitOf(grain, day)
      units.set(day, u)
    }
    return u
  }
  const rows: Array<number> = []
  const codes: Array<number> = []
  const local = new Map<number, number>()
  const labels: Array<string> = []
  for (let i = 0; i < n; i++) {
    if (!overlaps(i)) continue
    const a = Math.max(start[i]!, from)
    const b = Math.min(stop[i] ?? to, to)
    if (a > b) continue
    for (let u = unit(a), last = unit(b); u <= last; u++) {
      let k = local.get(u)
      if (k === undefined) {
        k = labels.length
        labels.push(labelOf(grain, u))
        local.set(u, k)
      }
      rows.push(i)
      codes.push(k)
    }
  }
  return { rows: Int32Array.from(rows), period: new DictionaryColumn(Uint32Array.from(codes), labels) }
}
