// The only ways this package builds arquero expression text and the objects
// arquero takes keys from. arquero compiles expression strings and column
// names with Function(), so nothing a record or a caller supplies may be
// spliced into one: a column reference must be one of the package's own
// names, a literal must be a finite number (or a fixed id of the model), and
// every object of column name → expression has no prototype, so that no
// inherited key can become a column (see boundary.ts for why that matters).
import { AnalyticsError } from "./text.js"

// The package's own column names: plain identifiers (/^[A-Za-z][A-Za-z0-9_]*$/),
// in arquero expressions and in SQL (query/dialect.ts) alike. Data values
// (offering ids, themes, names) never become column names.
// Fixed ids and codes of the model (such as "recoveryhjelpa" as core's Slug
// writes them, or the instrument "ORS"): letters, digits and inner hyphens.
const slugPattern = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/u

const refuse = (what: string): never => {
  throw new AnalyticsError({
    nb: `Intern feil: ${what} kan ikke brukes i et arquero-uttrykk`,
    en: `Internal error: ${what} cannot be used in an arquero expression`,
  })
}

/** Whether `name` may be a column of an indicator table (a plain identifier). */
export const isColumnName = (name: unknown): name is string => {
  // A loop over the characters rather than the pattern: it is asked for every column of every result table.
  if (typeof name !== "string" || name.length === 0) return false
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    if (!letter && (i === 0 || !((c >= 48 && c <= 57) || c === 95))) return false
  }
  return true
}

/** `d["name"]` for one of the package's own column names; anything else is refused. */
export const col = (name: string): string =>
  isColumnName(name) ? `d[${JSON.stringify(name)}]` : refuse("a column name that is not a plain identifier")

/** A finite number as an expression literal; anything else is refused. */
export const num = (value: number): string =>
  typeof value === "number" && Number.isFinite(value) ? String(value) : refuse("a value that is not a finite number")

/** A fixed id of the model (a slug) as an expression literal; anything else is refused. */
export const slug = (value: string): string =>
  typeof value === "string" && slugPattern.test(value) ? JSON.stringify(value) : refuse("a text that is not a fixed id")

/**
 * An object without a prototype from key–value pairs, for arquero's
 * column → values and column → expression arguments: a key such as
 * "__proto__" stays a key, and nothing inherited can be enumerated.
 */
export const record = <V>(entries: Iterable<readonly [string, V]>): Record<string, V> => {
  const out = Object.create(null) as Record<string, V>
  for (const [k, v] of entries) out[k] = v
  return out
}
