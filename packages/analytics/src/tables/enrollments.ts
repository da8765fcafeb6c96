// The `enrollments` table: every enrollment, whatever its dates, because
// indicators need the history (a citizen's first enrollment, one that
// started the year before).
import { Crosswalk, KprCheck } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, Coder, DimensionBuilder } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import type { Context } from "./context.js"

/**
 * Columns: enrollment, citizen, offering, category, department, kprService,
 * kprIncomplete, start, startMonth, startYear, stop, closed, closedMonth,
 * closedYear, status, completed, hasCompletion, referralDay.
 */
export const enrollments = (c: Context): ColumnTable => {
  const en = c.dataset.enrollments
  // One pass over the enrollments, as over attendance.
  const citizen = new Int32Array(en.length)
  const dims = new DimensionBuilder(en.length, c.facts, c.dates)
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
  const kprIncomplete = KprCheck.incomplete(c.dataset)
  for (let i = 0; i < en.length; i++) {
    const e = en[i]!
    citizen[i] = c.citizenOf(e.citizenId, i)
    dims.set(i, e.offeringId, e.start)
    // The last day of participation: when it closed, else its planned end; open-ended ones have none.
    const last = e.closedOn ?? e.end
    const p = last === undefined ? undefined : c.dates.parts(last)
    stop[i] = p === undefined ? null : p.day
    const ended = e.status === "ongoing" ? undefined : p
    closed[i] = ended === undefined ? null : ended.day
    closedMonthCodes[i] = closedMonth.code(ended === undefined ? null : ended.month)
    closedYearCodes[i] = closedYear.code(ended === undefined ? null : ended.year)
    statusCodes[i] = status.code(e.status)
    completed[i] = e.status === "completed" ? 1 : 0
    completes[i] = c.withoutCompletion.has(e.offeringId) ? 0 : 1
    referred[i] = e.referralId === undefined ? null : (c.referralDay.get(e.referralId) ?? null)
    kprServiceCodes[i] = kprService.code(kprServices.get(e.offeringId)?.code ?? null)
  }
  const start = dims.columns()
  return aq.table({
    enrollment: allRows(en.length),
    citizen,
    offering: start.offering,
    category: start.category,
    department: start.department,
    kprService: new DictionaryColumn(kprServiceCodes, kprService.values),
    kprIncomplete,
    start: start.day,
    startMonth: start.month,
    startYear: start.year,
    stop,
    closed,
    closedMonth: new DictionaryColumn(closedMonthCodes, closedMonth.values),
    closedYear: new DictionaryColumn(closedYearCodes, closedYear.values),
    status: new DictionaryColumn(statusCodes, status.values),
    completed,
    hasCompletion: completes,
    referralDay: referred,
  })
}
