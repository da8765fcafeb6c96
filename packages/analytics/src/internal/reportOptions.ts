// The options of a report, checked once: the language, the year, the
// profile and the names, whichever engine computes the indicators.
import { Policy, Redact } from "@aktivitetsmodell/core"
import { type Profile, requireProfile, strictFrom } from "../privacy/Profile.js"
import { optionsOf, requireArray, requireInteger, requireRecord, requireRule, requireString } from "./checks.js"
import type { MissingInput } from "./indicatorInputs.js"
import type { Options } from "./reportTypes.js"
import { AnalyticsError, type Lang } from "./text.js"

/** A report's options after the checks, with what they decide. */
export interface Checked {
  readonly options: Options
  readonly lang: Lang
  readonly year: number
  readonly profile: Profile
  readonly names: ReadonlyArray<string>
  readonly missing: ReadonlyArray<MissingInput>
}

/**
 * Checks a report's options. The year is the options' or, without one, the
 * dataset's (`dataset` is then read for it; a folder of tables has none).
 */
export const checkReportOptions = (name: string, dataset: unknown, options: Options): Checked => {
  // A copy, so that each option is read once: a getter need not give the same answer twice.
  const o = { ...optionsOf(name, options) }
  const lang = o.lang ?? "nb"
  if (lang !== "nb" && lang !== "en")
    throw new AnalyticsError({
      nb: `Ukjent språk ${Redact.show(lang)}; bruk nb eller en`,
      en: `Unknown language ${Redact.show(lang)}; use nb or en`,
    })
  const year = requireInteger(
    name,
    o.year === undefined ? "dataset.year" : "options.year",
    o.year ?? requireRecord(name, "the dataset", dataset).year,
    1000,
    9999,
  )
  const policy = Policy.ensure(name, o.policy)
  const profile: Profile =
    o.profile !== undefined
      ? requireProfile(name, o.profile)
      : o.rule !== undefined
        ? { name: "strict", ...requireRule(name, o.rule) }
        : strictFrom(policy, `${year}-12-31`)
  if (o.title !== undefined) requireString(name, "options.title", o.title)
  const names = o.names === undefined ? [] : requireArray(name, "options.names", o.names)
  if (!names.every((n) => typeof n === "string"))
    throw new AnalyticsError({
      nb: `${name}: options.names må være en liste med tekster`,
      en: `${name}: options.names must be a list of texts`,
    })
  // Copied before it is checked, so that a getter answers once.
  const missing = (o.missing === undefined ? [] : requireArray(name, "options.missing", o.missing)).map(copyOf)
  if (!missing.every(isMissingInput))
    throw new AnalyticsError({
      nb: `${name}: options.missing må være en liste med { entity, reason: { nb, en } }`,
      en: `${name}: options.missing must be a list of { entity, reason: { nb, en } }`,
    })
  return {
    options: { ...(o as unknown as Options), policy },
    lang,
    year,
    profile,
    names: names as ReadonlyArray<string>,
    missing,
  }
}

const copyOf = (u: unknown): { entity: unknown; reason: { nb: unknown; en: unknown } } | null => {
  if (typeof u !== "object" || u === null) return null
  const { entity, reason } = u as { entity?: unknown; reason?: unknown }
  if (typeof reason !== "object" || reason === null) return null
  const { nb, en } = reason as { nb?: unknown; en?: unknown }
  return { entity, reason: { nb, en } }
}

const isMissingInput = (u: ReturnType<typeof copyOf>): u is MissingInput =>
  u !== null && typeof u.entity === "string" && typeof u.reason.nb === "string" && typeof u.reason.en === "string"
