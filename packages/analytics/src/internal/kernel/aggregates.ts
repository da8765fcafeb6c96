// Aggregates as data: an indicator states a sum of a product or a count of
// values above a threshold as an object, not as expression text, so the
// kernel runs it (no expression to parse and compile per call), and the
// arquero fallback gets the same aggregate as text built from the package's
// own column names and numbers only (see expr.ts).
import { col, num } from "../expr.js"
import type { Aggregate } from "./reduce.js"

const columnOps = new Set(["sum", "valid", "min", "max", "distinct", "mean"])

const isName = (u: unknown): u is string => typeof u === "string"
const isNumber = (u: unknown): u is number => typeof u === "number" && Number.isFinite(u)

/** Whether `u` is an aggregate of the package's own shape (not an arquero op, which has no `op`). */
export const isAggregate = (u: unknown): u is Aggregate => {
  if (typeof u !== "object" || u === null) return false
  const a = u as Record<string, unknown>
  switch (a.op) {
    case "count":
      return true
    case "quantile":
      return isName(a.column) && isNumber(a.p)
    case "sumProduct":
      return isName(a.column) && isName(a.times)
    case "countAbove":
    case "countAtLeast":
      return isName(a.column) && isNumber(a.value)
    default:
      return typeof a.op === "string" && columnOps.has(a.op) && isName(a.column)
  }
}

/** The arquero aggregate expression that gives what the kernel gives for `a`. */
export const aggregateText = (a: Aggregate): string => {
  switch (a.op) {
    case "count":
      return "d => op.count()"
    case "quantile":
      return `d => op.quantile(${col(a.column)}, ${num(a.p)})`
    case "sumProduct":
      return `d => op.sum(${col(a.column)} * ${col(a.times)})`
    case "countAbove":
      return `d => op.sum(${col(a.column)} > ${num(a.value)} ? 1 : 0)`
    case "countAtLeast":
      return `d => op.sum(${col(a.column)} >= ${num(a.value)} ? 1 : 0)`
    case "mean":
      return `d => op.sum(${col(a.column)}) / op.valid(${col(a.column)})`
    default:
      return `d => op.${a.op}(${col(a.column)})`
  }
}

/** `op.sum(d.column * d.times)`, as an aggregate the kernel runs. */
export const sumProduct = (column: string, times: string): Aggregate => ({ op: "sumProduct", column, times })

/** `op.sum(d.column > value ? 1 : 0)`: the rows whose value is above `value`. */
export const countAbove = (column: string, value: number): Aggregate => ({ op: "countAbove", column, value })

/** `op.sum(d.column >= value ? 1 : 0)`: the rows whose value is at least `value`. */
export const countAtLeast = (column: string, value: number): Aggregate => ({ op: "countAtLeast", column, value })

/** `op.sum(d.column) / op.valid(d.column)`: the mean as SQL's AVG gives it. */
export const mean = (column: string): Aggregate => ({ op: "mean", column })
