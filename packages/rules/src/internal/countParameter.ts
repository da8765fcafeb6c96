// The parameters that count: an offering's sessions, weeks and sessions per
// week per period, and a treatment's extensions. Core reads them as limits
// (Policy.limits) and the rules through the facts sessionLimit, weekLimit,
// sessionsPerWeekLimit and extensionLimit. Each has a meaning for 0 (no limit,
// or no extension), none for a negative number or a fraction of a session, so
// those are refused where the value is written rather than met by a decision.
import type { Bilingual } from "@aktivitetsmodell/core"
import { Policy } from "@aktivitetsmodell/core"
import type { Finding } from "./shape.js"

interface Counted {
  /** What is counted, in the plural. */
  readonly what: Bilingual
  /** What a value of 0 means. */
  readonly zero: Bilingual
}

const noLimit = { nb: "ingen grense", en: "no limit" }

const limits: ReadonlyArray<readonly ["sessions" | "weeks" | "sessionsPerWeek", Counted]> = [
  ["sessions", { what: { nb: "samlinger", en: "sessions" }, zero: noLimit }],
  ["weeks", { what: { nb: "uker", en: "weeks" }, zero: noLimit }],
  ["sessionsPerWeek", { what: { nb: "økter per uke", en: "sessions a week" }, zero: noLimit }],
]

const extensions: Counted = {
  what: { nb: "forlengelser", en: "extensions" },
  zero: { nb: "ingen forlengelse", en: "no extension" },
}

/** What the parameter `name` counts, or undefined when it is not a count. */
export const countedBy = (name: string): Counted | undefined => {
  if (name === Policy.names.maxExtensions) return extensions
  const [area, offering, ...rest] = name.split(".")
  if (area !== "offerings" || offering === undefined || rest.length !== 1) return undefined
  return limits.find(([key]) => Policy.limitName(offering, key) === name)?.[1]
}

/** A finding for each dated value of a count that is not a whole number from 0 up. */
export const countFindings = (
  name: string,
  values: ReadonlyArray<{ readonly value: unknown }>,
): ReadonlyArray<Finding> => {
  const counted = countedBy(name)
  if (counted === undefined) return []
  return values.flatMap((e, i): Array<Finding> => {
    // A value of another type is the type check's to report.
    if (typeof e.value !== "number" || (Number.isInteger(e.value) && e.value >= 0)) return []
    const { what, zero } = counted
    return [
      {
        pointer: `/values/${i}/value`,
        code: "type-mismatch",
        severity: "error",
        message: {
          nb: `Forventet et helt antall ${what.nb}, 0 eller flere (0 betyr ${zero.nb}), fikk ${String(e.value).replace(".", ",")}`,
          en: `Expected a whole number of ${what.en}, 0 or more (0 means ${zero.en}), got ${e.value}`,
        },
      },
    ]
  })
}
