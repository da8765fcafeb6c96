// Shape checks of the package's own values when a caller hands them back:
// an indicator, a set of tables, a year table. They are checked by shape,
// not identity, because callers may rebuild them with a spread; what matters
// is that nothing reaches arquero that could run as code.
import { type Tables, tableNames } from "../tables/types.js"
import {
  isBilingual,
  own,
  reject,
  requireArray,
  requireFinite,
  requireRecord,
  requireString,
  requireTable,
} from "./checks.js"
import { dimensions, requireBy } from "./dimensionList.js"
import { isColumnName } from "./expr.js"
import type { Indicator, Measure } from "./indicatorModel.js"

/** Whole years, as the years of a year table (service statistics, Recovery College). */
export const requireYears = (name: string, what: string, u: unknown): ReadonlyArray<number> => {
  if (!requireArray(name, what, u).every((y) => Number.isInteger(y)))
    reject(name, { nb: `${what} må være hele år`, en: `${what} must be whole years` })
  return u as ReadonlyArray<number>
}

/** A figure of a year table: a finite number, or null where the source gives none. */
export const isFigure = (v: unknown): v is number | null => v === null || (typeof v === "number" && Number.isFinite(v))

/** The values of a year table's row: a Map from year to a figure (a text would be subtracted as NaN). */
export const isYearValues = (u: unknown): boolean => u instanceof Map && [...u.values()].every(isFigure)

const kinds = ["persons", "count", "rate", "statistic"]

const requireMeasure = (name: string, u: unknown, i: number): Measure => {
  const m = requireRecord(name, `measures[${i}]`, u)
  // Measure columns become arquero column names: plain identifiers only, and
  // none that the tables already use for dimensions or suppression.
  if (
    !isColumnName(m.column) ||
    (dimensions as ReadonlyArray<string>).includes(m.column) ||
    m.column === "suppressed"
  ) {
    reject(name, {
      nb: `measures[${i}].column må være et enkelt navn (bokstaver og sifre) som ikke er en dimensjon eller «suppressed»`,
      en: `measures[${i}].column must be a plain identifier (letters and digits) that is no dimension and not "suppressed"`,
    })
  }
  if (!isBilingual(m.label) || !kinds.includes(m.kind as string) || typeof m.unit !== "string") {
    reject(name, {
      nb: `measures[${i}] må ha label { nb, en }, kind (${kinds.join(", ")}) og unit`,
      en: `measures[${i}] must have a label { nb, en }, a kind (${kinds.join(", ")}) and a unit`,
    })
  }
  for (const k of ["numerator", "denominator"]) {
    if (m[k] !== undefined && !isColumnName(m[k]))
      reject(name, {
        nb: `measures[${i}].${k} må være navnet på en kolonne`,
        en: `measures[${i}].${k} must name a column`,
      })
  }
  for (const k of ["set", "of"]) {
    if (m[k] !== undefined && !isColumnName(m[k]))
      reject(name, {
        nb: `measures[${i}].${k} må være navnet på en mengde personer (bokstaver og sifre)`,
        en: `measures[${i}].${k} must name a set of people (letters and digits)`,
      })
  }
  if (m.over !== undefined && !(Array.isArray(m.over) && m.over.every((c) => isColumnName(c)))) {
    reject(name, {
      nb: `measures[${i}].over må være en liste med kolonner`,
      en: `measures[${i}].over must be a list of columns`,
    })
  }
  return m as unknown as Measure
}

// Indicators checked once and frozen whole (the catalogue's): nothing in them
// can change after the check, so they pass without another.
const checked = new WeakSet<object>()

const freezeAll = (u: unknown): void => {
  if (typeof u !== "object" || u === null || Object.isFrozen(u)) return
  Object.freeze(u)
  for (const v of Object.values(u)) freezeAll(v)
}

// The compute behind a catalogue indicator's boundary, for Indicator.compute,
// which has made the same checks (tables, grouping) under its own boundary.
const inner = new WeakMap<object, Indicator["compute"]>()

/**
 * `indicator` checked, then frozen with everything it holds, so that
 * requireIndicator passes it at once; `compute` is its compute without the
 * boundary, which computeOf then gives.
 */
export const trustedIndicator = <I extends Indicator>(name: string, indicator: I, compute?: I["compute"]): I => {
  requireIndicator(name, indicator)
  freezeAll(indicator)
  checked.add(indicator)
  if (compute !== undefined) inner.set(indicator, compute)
  return indicator
}

// The measure columns of checked indicators, which are frozen, so the list stays right.
const measureColumnsOf = new WeakMap<Indicator, ReadonlyArray<string>>()

/** The columns of `indicator`'s measures, in order; listed once for a checked indicator. */
export const measureColumns = (indicator: Indicator): ReadonlyArray<string> => {
  const known = measureColumnsOf.get(indicator)
  if (known !== undefined) return known
  const columns = indicator.measures.map((m) => m.column)
  if (checked.has(indicator)) measureColumnsOf.set(indicator, Object.freeze(columns))
  return columns
}

/** How to compute `indicator` once its tables and grouping are checked: a catalogue entry's compute without its boundary. */
export const computeOf = (indicator: Indicator): Indicator["compute"] => inner.get(indicator) ?? indicator.compute

/** An indicator, as the catalogue defines them (or a caller's own, of the same shape). */
export const requireIndicator = (name: string, u: unknown): Indicator => {
  if (typeof u === "object" && u !== null && checked.has(u)) return u as Indicator
  const i = requireRecord(name, "the indicator", u)
  requireString(name, "indicator.id", i.id)
  if (!isBilingual(i.name))
    reject(name, { nb: "indicator.name må være { nb, en }", en: "indicator.name must be { nb, en }" })
  const definition = requireRecord(name, "indicator.definition", i.definition)
  for (const k of ["numerator", "unit", "period"])
    if (!isBilingual(definition[k]))
      reject(name, {
        nb: `indicator.definition.${k} må være { nb, en }`,
        en: `indicator.definition.${k} must be { nb, en }`,
      })
  if (definition.denominator !== null && !isBilingual(definition.denominator))
    reject(name, {
      nb: "indicator.definition.denominator må være { nb, en } eller null",
      en: "indicator.definition.denominator must be { nb, en } or null",
    })
  requireBy(name, i.dimensions)
  requireBy(name, i.defaultBy)
  const measures = requireArray(name, "indicator.measures", i.measures).map((m, k) => requireMeasure(name, m, k))
  const columns = measures.map((m) => m.column)
  if (new Set(columns).size !== columns.length)
    reject(name, { nb: "indicator.measures har samme kolonne to ganger", en: "indicator.measures name a column twice" })
  if (typeof i.headline !== "string" || !columns.includes(i.headline))
    reject(name, {
      nb: "indicator.headline må være navnet på et av målene",
      en: "indicator.headline must name one of its measures",
    })
  if (typeof i.compute !== "function")
    reject(name, { nb: "indicator.compute må være en funksjon", en: "indicator.compute must be a function" })
  const seed = requireRecord(name, "indicator.seed", i.seed)
  if (
    typeof seed.document !== "string" ||
    typeof seed.section !== "string" ||
    typeof seed.lines !== "string" ||
    !isBilingual(seed.fact)
  ) {
    reject(name, {
      nb: "indicator.seed må være { document (kildens tittel), section, lines, fact { nb, en } }",
      en: "indicator.seed must be { document (the source's title), section, lines, fact { nb, en } }",
    })
  }
  if (i.definedFor !== undefined && typeof i.definedFor !== "string")
    reject(name, {
      nb: "indicator.definedFor må være navnet på en kolonne i tables.offerings",
      en: "indicator.definedFor must name a column of tables.offerings",
    })
  return u as Indicator
}

// Tables this package built: frozen with their period and days when made, so
// the shape checked then cannot change and requireTables passes them at once.
// Only the policy is read again: a policy object is not frozen.
const built = new WeakSet<object>()

/** `tables` as this package hands them out: frozen (with period and days) and passed by requireTables at once. */
export const sealTables = <T extends Tables>(tables: T): T => {
  Object.freeze(tables.period)
  Object.freeze(tables.days)
  built.add(Object.freeze(tables))
  return tables
}

/** Tables as Tables.fromDataset builds them: the period's days are whole numbers, every table an arquero table. */
export const requireTables = (name: string, u: unknown): Tables => {
  if (typeof u === "object" && u !== null && built.has(u)) return requirePolicy(name, u as Tables)
  const t = requireRecord(name, "tables", u)
  const period = requireRecord(name, "tables.period", own(t, "period"))
  requireString(name, "tables.period.from", period.from)
  requireString(name, "tables.period.to", period.to)
  const days = requireRecord(name, "tables.days", own(t, "days"))
  if (!Number.isInteger(days.from) || !Number.isInteger(days.to))
    reject(name, { nb: "tables.days må ha hele dagnummer", en: "tables.days must hold whole day numbers" })
  requireFinite(name, "tables.requiredContributionPercent", own(t, "requiredContributionPercent"))
  requirePolicy(name, t)
  for (const k of tableNames) requireTable(name, `tables.${k}`, own(t, k))
  return u as Tables
}

const requirePolicy = <T>(name: string, t: T): T => {
  const policy = own(t, "policy") as { readonly parameters?: unknown } | undefined
  if (!(policy?.parameters instanceof Map))
    reject(name, {
      nb: "tables.policy må være regelverket tabellene ble bygd med",
      en: "tables.policy must be the policy the tables were built with",
    })
  return t
}
