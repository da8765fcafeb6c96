// Checks a query description before either compiler uses it: every column it
// reads is a column of its table in the whitelist (Schema.ts), every name it
// makes is a plain identifier, and every literal is a finite number or a
// short fixed text. The compilers still quote and escape on their own; this
// is the first of two fences.
import { all as allDimensions, type Dimension } from "../Dimension.js"
import { isColumnName } from "../internal/expr.js"
import { AnalyticsError, type Bilingual } from "../internal/text.js"
import type { Condition, Derived, Literal, Part, Query } from "./Query.js"
import { tables, typeOf } from "./Schema.js"

/** Fixed texts a condition may compare to, such as "SRS" or "lent-position". */
export const literalPattern = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/u

/** A column the compilers add for `latest`; names a description makes hold no "_", so it cannot clash. */
export const LATEST = "latest_order"

/** The column the arquero compiler adds for an `in` condition (holding "_", like LATEST). */
export const listedColumn = (table: string, key: string): string => `in_${table}_${key}`

const fail = (query: string, { nb, en }: Bilingual): never => {
  throw new AnalyticsError({ nb: `Spørringen ${query}: ${nb}`, en: `Query ${query}: ${en}` })
}

export const isLiteral = (value: unknown): value is Literal =>
  (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && literalPattern.test(value))

// Which columns a condition or measure may read: a table's whitelisted
// columns, or after a per-entity step the entity rows' columns.
type Known = (column: string) => boolean

const checkColumn = (id: string, known: Known, column: unknown): void => {
  if (typeof column !== "string" || !known(column))
    fail(id, { nb: "en kolonne finnes ikke i tabellen", en: "a column is not in the table" })
}

const checkConditions = (id: string, known: Known, where: ReadonlyArray<Condition>): void => {
  for (const c of where) {
    checkColumn(id, known, c.column)
    if (c.kind === "compare" && !["=", "<>", "<", "<=", ">", ">="].includes(c.op))
      fail(id, { nb: "ukjent sammenligning", en: "unknown comparison" })
    if (c.kind === "compare" && !isLiteral(c.value))
      fail(id, {
        nb: "en verdi må være et endelig tall eller en fast tekst",
        en: "a value must be a finite number or a fixed text",
      })
    if (
      c.kind === "in" &&
      (typeof c.table !== "string" || typeof c.key !== "string" || typeOf(c.table, c.key) === undefined)
    ) {
      fail(id, { nb: "en oppslagstabell mangler kolonnen", en: "a table looked up has no such column" })
    }
    if (!["compare", "inPeriod", "in", "present"].includes(c.kind))
      fail(id, { nb: "ukjent betingelse", en: "unknown condition" })
  }
}

const checkDerived = (id: string, d: Derived, has: (name: string) => boolean, make: (name: unknown) => void): void => {
  if (d.kind !== "ratio" && d.kind !== "difference")
    fail(id, { nb: "ukjent avledet mål", en: "unknown derived measure" })
  const inputs = d.kind === "ratio" ? [d.numerator, d.denominator] : [d.from, ...d.minus]
  if (!inputs.every((c) => has(c)))
    fail(id, { nb: "et avledet mål bruker et ukjent mål", en: "a derived measure uses an unknown measure" })
  make(d.as)
}

// A name a description makes: a plain identifier without "_" (the compilers'
// own helper columns hold one), no dimension, and made once.
const maker = (id: string, made: Set<string>, taken: ReadonlyArray<string>) => (name: unknown) => {
  if (!isColumnName(name) || name.includes("_") || taken.includes(name))
    fail(id, { nb: "et målnavn må være et enkelt navn", en: "a measure name must be a plain name" })
  if (made.has(name as string)) fail(id, { nb: "et målnavn er brukt to ganger", en: "a measure name is used twice" })
  made.add(name as string)
}

// Checks a per-entity step and returns the columns of its entity rows.
const checkPer = (id: string, part: Part, inTable: Known): Known => {
  const per = part.per!
  if (part.latest !== undefined)
    fail(id, { nb: "latest og per kan ikke brukes sammen", en: "latest and per cannot be used together" })
  checkColumn(id, inTable, per.column)
  const entity = new Set<string>()
  const make = maker(id, entity, [...allDimensions, per.column])
  for (const a of per.aggregates) {
    make(a.as)
    if (a.kind === "first" || a.kind === "last") {
      checkColumn(id, inTable, a.column)
      checkColumn(id, inTable, a.order)
    } else if (a.kind !== "count") fail(id, { nb: "ukjent mål per enhet", en: "unknown measure per entity" })
  }
  for (const d of per.derived) checkDerived(id, d, (c) => entity.has(c), make)
  const known: Known = (c) => entity.has(c)
  checkConditions(id, known, per.having)
  if (per.having.some((c) => c.kind !== "compare"))
    fail(id, { nb: "et krav per enhet må være en sammenligning", en: "a condition per entity must be a comparison" })
  return known
}

/**
 * Throws an AnalyticsError unless the query only names whitelisted columns,
 * makes plain-identifier names once each, and its output columns exist.
 */
export const checkQuery = (query: Query): void => {
  const id = isColumnName(query.id) ? query.id : "(?)"
  if (!isColumnName(query.id)) fail(id, { nb: "id må være et enkelt navn", en: "the id must be a plain name" })
  if (!query.dimensions.every((d) => allDimensions.includes(d)))
    fail(id, { nb: "ukjent dimensjon", en: "unknown dimension" })
  const made = new Set<string>()
  const make = maker(id, made, allDimensions)
  if (query.parts.length === 0) fail(id, { nb: "ingen deler", en: "no parts" })
  for (const part of query.parts) {
    if (typeof part.from !== "string" || !Object.hasOwn(tables, part.from))
      fail(id, { nb: "ukjent tabell", en: "unknown table" })
    const inTable: Known = (c) => typeOf(part.from, c) !== undefined
    for (const d of query.dimensions) checkColumn(id, inTable, part.columns?.[d] ?? d)
    if (part.latest !== undefined) {
      checkColumn(id, inTable, part.latest.partition)
      checkColumn(id, inTable, part.latest.order)
    }
    checkConditions(id, inTable, part.where)
    const known = part.per === undefined ? inTable : checkPer(id, part, inTable)
    for (const a of part.aggregates) {
      make(a.as)
      if (a.kind === "countIf") checkConditions(id, known, a.where)
      else if (a.kind !== "count") checkColumn(id, known, a.column)
    }
    if (
      part.per !== undefined &&
      part.aggregates.some((a) => a.kind === "countIf" && a.where.some((c) => c.kind !== "compare"))
    ) {
      fail(id, { nb: "et mål over enheter kan bare sammenligne", en: "a measure over entities can only compare" })
    }
  }
  for (const d of query.derived) checkDerived(id, d, (c) => made.has(c), make)
  if (!query.output.every((c) => made.has(c)))
    fail(id, { nb: "en utkolonne er ikke et mål", en: "an output column is not a measure" })
}

/** Throws unless every dimension of `by` is one the query may be grouped by. */
export const checkBy = (query: Pick<Query, "id" | "dimensions">, by: ReadonlyArray<Dimension>): void => {
  const bad = by.filter((d) => !query.dimensions.includes(d))
  if (bad.length > 0)
    fail(query.id, { nb: `kan ikke grupperes etter ${bad.join(", ")}`, en: `cannot be grouped by ${bad.join(", ")}` })
}
