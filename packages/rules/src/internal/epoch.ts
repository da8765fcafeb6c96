// What is in force on a date, from rules with dated versions and parameters
// with dated values: `InForce` reads a policy tree this way and the `decide`
// entry a snapshot. No schema is imported here.
import { Calendar, Policy } from "@aktivitetsmodell/core"
import type { DatedParameter, Used } from "./derive.js"

/** A rule as far as dates go: its versions and their effective periods (`to` is the last day). */
export interface Versioned {
  readonly versions: ReadonlyArray<{ readonly effective: { readonly from: string; readonly to?: string | undefined } }>
}

/**
 * The dates on which something changes: each version's start and the day
 * after its end, and each parameter value's date, sorted.
 */
export const changesOf = (
  rules: ReadonlyArray<Versioned>,
  parameters: Iterable<DatedParameter>,
): ReadonlyArray<string> => {
  const dates = new Set<string>()
  for (const r of rules) {
    for (const v of r.versions) {
      dates.add(v.effective.from)
      if (v.effective.to !== undefined) dates.add(Calendar.addDays(v.effective.to, 1))
    }
  }
  for (const p of parameters) for (const e of p.values) dates.add(e.from)
  return [...dates].sort()
}

/** The last change on or before `date`: the start of the period `date` falls in ("" before the first). */
export const periodStart = (changes: ReadonlyArray<string>, date: string): string => {
  let lo = 0
  let hi = changes.length - 1
  let found = ""
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (changes[mid]! <= date) {
      found = changes[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Each rule's version in force on `date`, in the rules' order; rules with none are left out. */
export const versionsOn = <R extends Versioned>(
  rules: ReadonlyArray<R>,
  date: string,
): Array<{ readonly rule: R; readonly version: R["versions"][number] }> => {
  const out: Array<{ readonly rule: R; readonly version: R["versions"][number] }> = []
  for (const rule of rules) {
    const version = rule.versions.find(
      (v) => v.effective.from <= date && (v.effective.to === undefined || date <= v.effective.to),
    )
    if (version !== undefined) out.push({ rule, version })
  }
  return out
}

/** Each parameter's value in force on `date`, by name; parameters with none are left out. */
export const valuesOn = <P extends DatedParameter>(parameters: Iterable<P>, date: string): Map<string, Used<P>> => {
  const out = new Map<string, Used<P>>()
  for (const parameter of parameters) {
    const entry = Policy.valueOn(parameter.values, date)
    if (entry !== undefined) out.set(parameter.name, { parameter, entry })
  }
  return out
}
