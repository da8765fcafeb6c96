// The `fitScores` table: every FIT form, with the thresholds of its date.
import { Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { Coder, DimensionBuilder } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { type Context, ORDER_SHIFT } from "./context.js"

/**
 * Columns: citizen, offering, category, department, day, month, year, order,
 * instrument, total, srsAlert, orsClinical, reliableChange.
 */
export const fitScores = (c: Context): ColumnTable => {
  const fs = c.dataset.fitScores
  const citizen = new Int32Array(fs.length)
  const dims = new DimensionBuilder(fs.length, c.facts, c.dates)
  const order = new Float64Array(fs.length)
  const instrument = new Coder<string>()
  const instrumentCodes = new Uint32Array(fs.length)
  const total = new Float64Array(fs.length)
  // The FIT thresholds of each form's date, as the policy dates them.
  // Forms share few dates: each threshold is looked up once per date.
  const memo = new Map<string, number>()
  const threshold = (parameter: string, date: string): number => {
    const key = `${parameter}|${date}`
    const known = memo.get(key)
    if (known !== undefined) return known
    const v = Policy.requireNumber(c.policy, parameter, { question: date, session: date })
    memo.set(key, v)
    return v
  }
  const srsAlert = new Uint8Array(fs.length)
  const orsClinical = new Uint8Array(fs.length)
  const reliableChange = new Float64Array(fs.length)
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!
    citizen[i] = c.citizens.code(f.citizenId)
    dims.set(i, c.offeringOfEnrollment(c.enrollmentOf(f.enrollmentId)), f.date)
    order[i] = c.dates.day(f.date) * ORDER_SHIFT + i
    instrumentCodes[i] = instrument.code(f.instrument)
    total[i] = f.total
    if (f.instrument === "SRS") srsAlert[i] = f.total < threshold(Policy.names.srsAlertBelow, f.date) ? 1 : 0
    else {
      orsClinical[i] = f.total < threshold(Policy.names.orsCutoff, f.date) ? 1 : 0
      reliableChange[i] = threshold(Policy.names.orsReliableChange, f.date)
    }
  }
  return aq.table({
    citizen,
    ...dims.columns(),
    order,
    instrument: new DictionaryColumn(instrumentCodes, instrument.values),
    total,
    srsAlert,
    orsClinical,
    reliableChange,
  })
}
