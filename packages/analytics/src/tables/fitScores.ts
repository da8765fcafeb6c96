// The `fitScores` table: every FIT form, with the thresholds of its date.
import { Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { Coder, DimensionBuilder } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { type Context, ORDER_SHIFT } from "./context.js"

// The thresholds of one date, each looked up when first needed (a date with
// only SRS forms never asks for the ORS ones).
interface Thresholds {
  srsAlertBelow: number | undefined
  orsCutoff: number | undefined
  orsReliableChange: number | undefined
  readonly on: (parameter: string) => number
}

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
  // Forms share few dates: the thresholds are looked up once per date.
  const memo = new Map<string, Thresholds>()
  let lastDate: string | undefined
  let last: Thresholds | undefined
  const thresholdsOn = (date: string): Thresholds => {
    if (last !== undefined && date === lastDate) return last
    let t = memo.get(date)
    if (t === undefined) {
      const on = (parameter: string) => Policy.requireNumber(c.policy, parameter, { question: date, session: date })
      t = { srsAlertBelow: undefined, orsCutoff: undefined, orsReliableChange: undefined, on }
      memo.set(date, t)
    }
    lastDate = date
    last = t
    return t
  }
  const srsAlert = new Uint8Array(fs.length)
  const orsClinical = new Uint8Array(fs.length)
  const reliableChange = new Float64Array(fs.length)
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!
    const row = c.enrollmentOf(f.enrollmentId)
    citizen[i] = c.citizenOf(f.citizenId, row)
    dims.set(i, c.offeringOfEnrollment(row), f.date)
    order[i] = c.dates.day(f.date) * ORDER_SHIFT + i
    instrumentCodes[i] = instrument.code(f.instrument)
    total[i] = f.total
    const t = thresholdsOn(f.date)
    if (f.instrument === "SRS") {
      t.srsAlertBelow ??= t.on(Policy.names.srsAlertBelow)
      srsAlert[i] = f.total < t.srsAlertBelow ? 1 : 0
    } else {
      t.orsCutoff ??= t.on(Policy.names.orsCutoff)
      t.orsReliableChange ??= t.on(Policy.names.orsReliableChange)
      orsClinical[i] = f.total < t.orsCutoff ? 1 : 0
      reliableChange[i] = t.orsReliableChange
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
