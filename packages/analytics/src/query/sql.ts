/**
 * Compiles a query description to one SQL SELECT over tables named as in
 * `Schema.tables`. Identifiers come only from the checked description and are
 * quoted; literals are finite numbers or fixed texts checked by `check.ts`
 * (letters, digits, dashes: no quote can occur). The period is written in as
 * day numbers.
 *
 * @module
 */
import { canonical, type Dimension, UNKNOWN } from "../Dimension.js"
import { guard } from "../internal/boundary.js"

import { checkBy, checkQuery, isLiteral, LATEST } from "./check.js"
import { type Dialect, requireDialect } from "./dialect.js"
import {
  type Aggregate,
  type Condition,
  type Days,
  type Derived,
  type EntityAggregate,
  isCountLike,
  type Literal,
  type Part,
  type Query,
} from "./Query.js"

const number = (n: number): string => {
  if (!Number.isFinite(n)) throw new TypeError("not a finite number")
  return String(n)
}

const literal = (value: Literal): string => {
  if (!isLiteral(value)) throw new TypeError("not a literal")
  return typeof value === "number" ? number(value) : `'${value}'`
}

const sqlCondition = (q: Dialect, c: Condition, days: Days): string =>
  c.kind === "inPeriod"
    ? `${q.quote(c.column)} BETWEEN ${number(days.from)} AND ${number(days.to)}`
    : c.kind === "in"
      ? `${q.quote(c.column)} IN (SELECT ${q.quote(c.key)} FROM ${q.quote(c.table)})`
      : c.kind === "present"
        ? `${q.quote(c.column)} IS NOT NULL`
        : `${q.quote(c.column)} ${c.op} ${literal(c.value)}`

const allOf = (q: Dialect, where: ReadonlyArray<Condition>, days: Days): string =>
  where.length === 0 ? "TRUE" : where.map((c) => `(${sqlCondition(q, c, days)})`).join(" AND ")

const double = (q: Dialect, e: string) => `CAST(${e} AS ${q.type("double")})`

// Counts are cast to BIGINT on every engine, averages and medians to double,
// so no engine hands back NUMERIC text or integer division.
const sqlAggregate = (q: Dialect, a: Aggregate, days: Days): string => {
  switch (a.kind) {
    case "count":
      return "CAST(COUNT(*) AS BIGINT)"
    case "countIf":
      return `CAST(SUM(CASE WHEN ${allOf(q, a.where, days)} THEN 1 ELSE 0 END) AS BIGINT)`
    case "countDistinct":
      return `CAST(COUNT(DISTINCT ${q.quote(a.column)}) AS BIGINT)`
    case "countValid":
      return `CAST(COUNT(${q.quote(a.column)}) AS BIGINT)`
    case "sum":
      return `CAST(SUM(${q.quote(a.column)}) AS BIGINT)`
    case "mean":
      return double(q, `AVG(${double(q, q.quote(a.column))})`)
    case "median":
      return double(q, q.median(double(q, q.quote(a.column))))
  }
}

const select = (
  columns: ReadonlyArray<string>,
  from: string,
  where: ReadonlyArray<string>,
  groupBy: ReadonlyArray<string>,
): string =>
  [
    `SELECT ${columns.join(", ")}`,
    `FROM ${from}`,
    ...(where.length > 0 ? [`WHERE ${where.join(" AND ")}`] : []),
    ...(groupBy.length > 0 ? [`GROUP BY ${groupBy.join(", ")}`] : []),
  ].join("\n  ")

/** A derived column as SQL, given the expression of each column it reads. */
const derivedSql = (q: Dialect, d: Derived, e: (name: string) => string): string =>
  d.kind === "ratio"
    ? `CASE WHEN ${e(d.denominator)} > 0 THEN ${double(q, e(d.numerator))} / ${e(d.denominator)} ELSE NULL END`
    : `(${[d.from, ...d.minus].map(e).join(" - ")})`

const entityAggregate = (q: Dialect, a: EntityAggregate): string =>
  a.kind === "count"
    ? "CAST(COUNT(*) AS BIGINT)"
    : (a.kind === "first" ? q.first : q.last)(q.quote(a.column), q.quote(a.order))

// One part: its rows, grouped by the dimensions (each named as the
// dimension, a missing value as "(unknown)", so parts join on them). With a
// per-entity step, the rows are grouped by the dimensions and the entity
// first, derived columns added one level up, and the entity rows that meet
// `having` grouped by the dimensions again.
const sqlPart = (q: Dialect, part: Part, by: ReadonlyArray<Dimension>, days: Days): string => {
  const source =
    part.latest === undefined
      ? q.quote(part.from)
      : `(SELECT *, MAX(${q.quote(part.latest.order)}) OVER (PARTITION BY ${q.quote(part.latest.partition)}) AS ${q.quote(LATEST)} FROM ${q.quote(part.from)}) AS "t"`
  const where = [
    ...(part.latest === undefined ? [] : [`${q.quote(part.latest.order)} = ${q.quote(LATEST)}`]),
    ...part.where.map((c) => `(${sqlCondition(q, c, days)})`),
  ]
  const keys = by.map((d) => `COALESCE(CAST(${q.quote(part.columns?.[d] ?? d)} AS ${q.type("text")}), '${UNKNOWN}')`)
  const dimensions = keys.map((k, i) => `${k} AS ${q.quote(by[i]!)}`)
  const measures = part.aggregates.map((a) => `${sqlAggregate(q, a, days)} AS ${q.quote(a.as)}`)
  const per = part.per
  if (per === undefined) return select([...dimensions, ...measures], source, where, keys)
  const entity = q.quote(per.column)
  const entities = select(
    [...dimensions, entity, ...per.aggregates.map((a) => `${entityAggregate(q, a)} AS ${q.quote(a.as)}`)],
    source,
    where,
    [...keys, entity],
  )
  // A derived column may read an earlier one: written out in full, as
  // Postgres cannot read an alias of the same SELECT.
  const expression = new Map<string, string>()
  const e = (name: string) => expression.get(name) ?? q.quote(name)
  for (const d of per.derived) expression.set(d.as, derivedSql(q, d, e))
  const derived =
    per.derived.length === 0
      ? entities
      : select(["*", ...per.derived.map((d) => `${e(d.as)} AS ${q.quote(d.as)}`)], `(${entities}) AS "e0"`, [], [])
  const having = per.having.map((c) => `(${sqlCondition(q, c, days)})`)
  return select([...by.map(q.quote), ...measures], `(${derived}) AS "e"`, having, by.map(q.quote))
}

/**
 * The SQL text of a query grouped by `by`, for a dialect and a period. Rows
 * come in no particular order; column names are the dimensions and the
 * query's output columns.
 * @example
 * Query.toSql(Query.definitions.attendanceRate, ["offering"], tables.days, Dialect.duckdb)
 * @category constructors
 */
export const toSql = guard(
  "Query.toSql",
  {
    nb: "en spørring, en gruppering, perioden som dagnummer { from, to } og en dialekt (Dialect.duckdb eller Dialect.postgres)",
    en: "a query, a grouping, the period as day numbers { from, to } and a dialect (Dialect.duckdb or Dialect.postgres)",
  },
  (query: Query, by: ReadonlyArray<Dimension>, days: Days, q: Dialect): string => {
    requireDialect(q)
    checkQuery(query)
    checkBy(query, by)
    const keys = canonical(by)
    const parts = query.parts.map((p, i) => `"p${i}" AS (\n  ${sqlPart(q, p, keys, days)}\n)`)
    const from = query.parts
      .map((_, i) => `"p${i}"`)
      .reduce((acc, p) =>
        keys.length === 0 ? `${acc} CROSS JOIN ${p}` : `${acc} FULL JOIN ${p} USING (${keys.map(q.quote).join(", ")})`,
      )
    // Measures as plain expressions, so derived columns can refer to them.
    const expression = new Map<string, string>()
    for (const p of query.parts)
      for (const a of p.aggregates)
        expression.set(a.as, isCountLike(a) ? `COALESCE(${q.quote(a.as)}, 0)` : q.quote(a.as))
    for (const d of query.derived) {
      const e = (name: string) => expression.get(name)!
      expression.set(d.as, derivedSql(q, d, e))
    }
    const select = [...keys.map(q.quote), ...query.output.map((c) => `${expression.get(c)!} AS ${q.quote(c)}`)]
    return `WITH ${parts.join(",\n")}\nSELECT ${select.join(", ")}\nFROM ${from}`
  },
)
