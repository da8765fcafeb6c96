// Straightforward builders to check the fast ones against: no memo, no
// "same as the row before", one lookup per value. Test-only.
import { Calendar, IsoDate, Redact } from "@aktivitetsmodell/core"
import { rowsWithin } from "../../src/internal/columns.js"
import { AnalyticsError } from "../../src/internal/text.js"
import type { Context } from "../../src/tables/context.js"

/** A date's parts as DateParts gives them, with its error for a text that is no calendar date. */
export const naiveParts = (iso: unknown): { day: number; month: string; year: string } => {
  if (!IsoDate.isIsoDate(iso))
    throw new AnalyticsError({
      nb: `forventet en gyldig dato ÅÅÅÅ-MM-DD, fant ${Redact.show(iso)}`,
      en: `expected a calendar date as YYYY-MM-DD, found ${Redact.show(iso)}`,
    })
  return { day: Calendar.dayNumber(iso), month: iso.slice(0, 7), year: iso.slice(0, 4) }
}

/** The attendance table's columns as plain values: the rows in the period, in order. */
export const naiveAttendance = (c: Context): Record<string, Array<unknown>> => {
  const at = c.dataset.attendance
  const out: Record<string, Array<unknown>> = {}
  for (const k of ["enrollment", "citizen", "offering", "category", "department", "day", "month", "year"]) out[k] = []
  out.present = []
  out.noShow = []
  for (const r of rowsWithin(at, (a) => a.date, c.period.from, c.period.to)) {
    const a = at[r]!
    const row = c.enrollmentOf(a.enrollmentId)
    out.enrollment!.push(row)
    out.citizen!.push(c.citizenOf(a.citizenId, row))
    const facts = a.offeringId === undefined ? undefined : c.facts(a.offeringId)
    out.offering!.push(a.offeringId ?? null)
    out.category!.push(facts?.category ?? null)
    out.department!.push(facts?.department ?? null)
    const p = naiveParts(a.date)
    out.day!.push(p.day)
    out.month!.push(p.month)
    out.year!.push(p.year)
    out.present!.push(a.status === "present" ? 1 : 0)
    out.noShow!.push(a.status === "no-show" ? 1 : 0)
  }
  return out
}

/** The distinct values in order of first appearance: a dictionary column's values. */
export const firstAppearance = <T>(values: ReadonlyArray<T>): Array<T> => [...new Set(values)]
