/**
 * Every difference between the SQL engines a query compiles for, in one
 * place. The rest of the generated SQL is standard: quoted identifiers,
 * CASE, COALESCE, CAST, FULL JOIN … USING, window MAX … OVER (PARTITION BY),
 * subqueries in FROM.
 *
 * @module
 */
import { isColumnName } from "../internal/expr.js"
import { AnalyticsError } from "../internal/text.js"
import type { ColumnType } from "./Schema.js"

/**
 * An SQL dialect: how it quotes a name, names the column types, takes a
 * median or quantile and a group's first or last value by an order, and
 * writes a day number as a month or year.
 * @category models
 */
export interface Dialect {
  readonly name: "duckdb" | "postgres"
  /** Quotes an identifier (a whitelisted column or table name). */
  readonly quote: (name: string) => string
  /** The type a column of this kind is stored and cast as. */
  readonly type: (type: ColumnType) => string
  /** The median of an expression: DuckDB's `median`, Postgres' ordered-set `percentile_cont`. */
  readonly median: (expression: string) => string
  /** The `p` quantile of an expression, interpolating linearly between ranks (as arquero's `quantile`). */
  readonly quantile: (expression: string, p: number) => string
  /** The month (`2024-03`) of a day number (days since 1970-01-01). */
  readonly monthOfDay: (day: string) => string
  /** The year (`2024`) of a day number. */
  readonly yearOfDay: (day: string) => string
  /** The value of `expression` on the row with the least `order` of the group (orders are unique). */
  readonly first: (expression: string, order: string) => string
  /** The value of `expression` on the row with the greatest `order` of the group. */
  readonly last: (expression: string, order: string) => string
}

// Identifiers are whitelisted plain names already (check.ts); quoting them
// keeps case ("noShow") and reserved words ("order") apart from SQL's own.
const doubleQuoted = (name: string): string => {
  if (!isColumnName(name)) {
    throw new AnalyticsError({
      nb: "Intern feil: et SQL-navn må være et enkelt navn",
      en: "Internal error: an SQL name must be a plain name",
    })
  }
  return `"${name}"`
}

const fraction = (p: number): string => {
  if (!(typeof p === "number" && p >= 0 && p <= 1))
    throw new AnalyticsError({
      nb: "Intern feil: en kvantil må være mellom 0 og 1",
      en: "Internal error: a quantile must be between 0 and 1",
    })
  return String(p)
}

/**
 * DuckDB (1.5): `median`, `quantile_cont`, `strftime`, `arg_min`/`arg_max`, `DOUBLE`, `VARCHAR`.
 * @category models
 */
export const duckdb: Dialect = {
  name: "duckdb",
  quote: doubleQuoted,
  type: (t) => ({ integer: "INTEGER", double: "DOUBLE", text: "VARCHAR" })[t],
  median: (e) => `median(${e})`,
  quantile: (e, p) => `quantile_cont(${e}, ${fraction(p)})`,
  monthOfDay: (d) => `strftime(DATE '1970-01-01' + CAST(${d} AS INTEGER), '%Y-%m')`,
  yearOfDay: (d) => `strftime(DATE '1970-01-01' + CAST(${d} AS INTEGER), '%Y')`,
  first: (e, o) => `arg_min(${e}, ${o})`,
  last: (e, o) => `arg_max(${e}, ${o})`,
}

/**
 * Postgres (18, as PGlite 0.5 runs it): `percentile_cont(p) WITHIN GROUP`, `to_char`,
 * `(array_agg(… ORDER BY …))[1]` (Postgres has no arg_min), `DOUBLE PRECISION`, `TEXT`.
 * @category models
 */
export const postgres: Dialect = {
  name: "postgres",
  quote: doubleQuoted,
  type: (t) => ({ integer: "INTEGER", double: "DOUBLE PRECISION", text: "TEXT" })[t],
  median: (e) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})`,
  quantile: (e, p) => `percentile_cont(${fraction(p)}) WITHIN GROUP (ORDER BY ${e})`,
  monthOfDay: (d) => `to_char(DATE '1970-01-01' + CAST(${d} AS INTEGER), 'YYYY-MM')`,
  yearOfDay: (d) => `to_char(DATE '1970-01-01' + CAST(${d} AS INTEGER), 'YYYY')`,
  first: (e, o) => `(array_agg(${e} ORDER BY ${o}))[1]`,
  last: (e, o) => `(array_agg(${e} ORDER BY ${o} DESC))[1]`,
}

/**
 * The dialects by name.
 * @category models
 */
export const dialects = { duckdb, postgres } as const
// A dialect's quote keeps names apart from SQL: no caller may swap one out.
Object.freeze(duckdb)
Object.freeze(postgres)
Object.freeze(dialects)

/**
 * Throws an AnalyticsError unless `q` is one of the module's own dialects: a
 * dialect's `quote` is what keeps names apart from SQL, so no other may write a query.
 * @category predicates
 */
export const requireDialect = (q: unknown): void => {
  if (!(Object.values(dialects) as ReadonlyArray<unknown>).includes(q))
    throw new AnalyticsError({
      nb: "dialekten må være Query.Dialect.duckdb eller Query.Dialect.postgres",
      en: "the dialect must be Query.Dialect.duckdb or Query.Dialect.postgres",
    })
}
