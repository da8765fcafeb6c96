// The dimension names and the check of a grouping, apart from Dimension.ts
// so that the modules Dimension.ts needs (and the shape checks) import them
// without an import loop.
import { Redact } from "@aktivitetsmodell/core"
import { reject, requireArray } from "./checks.js"

/**
 * A grouping dimension. Values in indicator tables are text: a municipality
 * number (`1108`; missing for a dataset that names none), an offering id
 * (`turgruppe`), a category (`treatment`), a department id (`rpha`), a KPR
 * service type (`9`, a code of Volven 9151 the crosswalk gives the offering),
 * a month (`2024-03`), a year (`2024`) or a feedback source
 * (`experience-council`). `department` is the department that runs the
 * offering (its operator).
 * @example
 * const by: ReadonlyArray<Dimension.Dimension> = ["offering", "month"]
 * @category models
 */
export type Dimension =
  | "municipality"
  | "offering"
  | "category"
  | "department"
  | "kprService"
  | "month"
  | "year"
  | "source"

/**
 * Every dimension, in canonical order: Dimension.all is this list. Frozen, because it is also the list
 * a grouping is checked against: a caller who pushed onto Dimension.all would
 * otherwise widen what reaches arquero.
 */
export const dimensions: ReadonlyArray<Dimension> = Object.freeze([
  "municipality",
  "offering",
  "category",
  "department",
  "kprService",
  "month",
  "year",
  "source",
] as const)

/**
 * A list of known dimensions; an unknown one is refused rather than dropped.
 * The list given back is a copy with each element read once: use it, not the
 * caller's, which a getter could make answer a second read differently.
 */
export const requireBy = (name: string, u: unknown): ReadonlyArray<Dimension> => {
  const list = Array.from(requireArray(name, "by", u))
  for (let i = 0; i < list.length; i++) {
    const d = list[i]
    if (typeof d !== "string" || !(dimensions as ReadonlyArray<string>).includes(d)) {
      reject(name, {
        nb: `ukjent dimensjon ${Redact.show(d)}; forventet noen av ${dimensions.join(", ")}`,
        en: `unknown dimension ${Redact.show(d)}; expected some of ${dimensions.join(", ")}`,
      })
    }
  }
  return list as ReadonlyArray<Dimension>
}

// Each dimension's place in canonical order.
const places: ReadonlyMap<string, number> = new Map(dimensions.map((d, i) => [d, i]))

/** Checked dimensions in canonical order, each once (Dimension.canonical without its boundary). */
export const inCanonicalOrder = (by: ReadonlyArray<Dimension>): ReadonlyArray<Dimension> => {
  // Most groupings are in canonical order already, each dimension once: each
  // is then looked up once. The names written are the package's own, never
  // what `by` holds: a getter in a caller's list could give one name to the
  // check and another to a second read.
  const out: Array<Dimension> = []
  let last = -1
  for (let i = 0; i < by.length; i++) {
    const place = places.get(by[i]!) ?? -1
    if (place <= last) return sorted(by)
    out.push(dimensions[place]!)
    last = place
  }
  return out
}

// The dimensions `by` names, in canonical order, each once.
const sorted = (by: ReadonlyArray<Dimension>): ReadonlyArray<Dimension> => {
  const out: Array<Dimension> = []
  for (let i = 0; i < dimensions.length; i++) if (by.includes(dimensions[i]!)) out.push(dimensions[i]!)
  return out
}
