/**
 * Compiles a query description to arquero verbs over `Tables`. Expression
 * text is built only from whitelisted column names (through `col`), finite
 * numbers (`num`) and fixed texts checked by `check.ts`, never from record
 * values.
 *
 * @module
 */
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { canonical, type Dimension } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { col, num, record } from "../internal/expr.js"
import { type ColumnMap, joinBy, rollupBy, withRate, zeroFill } from "../internal/group.js"

import type { Tables } from "../tables/types.js"
import { checkBy, checkQuery, isLiteral, LATEST, listedColumn } from "./check.js"
import { finish } from "./finish.js"
import {
  type Aggregate,
  type Condition,
  conditionsOf,
  type Days,
  type Derived,
  isCountLike,
  type Literal,
  type Part,
  type PerEntity,
  type Query,
} from "./Query.js"
import { columnValues, type TableName } from "./Schema.js"

const literal = (value: Literal): string => {
  if (!isLiteral(value)) throw new TypeError("not a literal")
  return typeof value === "number" ? num(value) : JSON.stringify(value)
}

const jsOperator = { "=": "===", "<>": "!==", "<": "<", "<=": "<=", ">": ">", ">=": ">=" } as const

// A missing value never meets a condition, as in SQL.
// An `in` condition reads the column runPart looked up for it.
const condition = (c: Condition, days: Days): string =>
  c.kind === "inPeriod"
    ? `(${col(c.column)} != null && ${col(c.column)} >= ${num(days.from)} && ${col(c.column)} <= ${num(days.to)})`
    : c.kind === "in"
      ? `(${col(listedColumn(c.table, c.key))} != null)`
      : c.kind === "present"
        ? `(${col(c.column)} != null)`
        : `(${col(c.column)} != null && ${col(c.column)} ${jsOperator[c.op]} ${literal(c.value)})`

const all = (where: ReadonlyArray<Condition>, days: Days): string =>
  where.length === 0 ? "true" : where.map((c) => condition(c, days)).join(" && ")

const aggregate = (a: Aggregate, days: Days): string => {
  switch (a.kind) {
    case "count":
      return "d => op.count()"
    case "countIf":
      return `d => op.sum(${all(a.where, days)} ? 1 : 0)`
    case "countDistinct":
      return `d => op.distinct(${col(a.column)})`
    case "countValid":
      return `d => op.valid(${col(a.column)})`
    case "sum":
      return `d => op.sum(${col(a.column)})`
    case "mean":
      // Sum over count, as SQL's AVG: arquero's running mean can differ in the last bit.
      return `d => op.sum(${col(a.column)}) / op.valid(${col(a.column)})`
    case "median":
      return `d => op.median(${col(a.column)})`
  }
}

// Adds derived columns: ratios (missing when the denominator is not above 0) and differences.
const derive = (table: ColumnTable, derived: ReadonlyArray<Derived>): ColumnTable =>
  derived.reduce(
    (t, d) =>
      d.kind === "ratio"
        ? withRate(t, d.as, d.numerator, d.denominator)
        : t.derive(record([[d.as, `d => ${[d.from, ...d.minus].map(col).join(" - ")}`]])),
    table,
  )

// One row per group and entity. A first or last value is read back by its
// order (unique within the table): the row whose order is the entity's least
// or greatest.
const perEntity = (
  table: ColumnTable,
  per: PerEntity,
  by: ReadonlyArray<Dimension>,
  options: { readonly columns?: ColumnMap; readonly filter?: string },
): ColumnTable => {
  const helper = (as: string) => `${as}_order`
  const values = record(
    per.aggregates.map(
      (a) =>
        [
          a.kind === "count" ? a.as : helper(a.as),
          a.kind === "count" ? "d => op.count()" : `d => op.${a.kind === "first" ? "min" : "max"}(${col(a.order)})`,
        ] as const,
    ),
  )
  let entities = rollupBy(table, [...by, per.column], values, options)
  for (const a of per.aggregates) {
    if (a.kind === "count") continue
    entities = entities.lookup(
      table.select(
        record([
          [a.order, helper(a.as)],
          [a.column, a.as],
        ]),
      ),
      helper(a.as),
      a.as,
    )
  }
  const derived = derive(entities, per.derived)
  return per.having.length === 0 ? derived : derived.filter(`d => ${all(per.having, { from: 0, to: 0 })}`)
}

// A table of the schema: one of `Tables`, or `parameters` built from its numbers.
const tableOf = (tables: Tables, name: TableName): ColumnTable =>
  name === "parameters" ? aq.table(columnValues(tables, name)) : tables[name]

const runPart = (part: Part, tables: Tables, by: ReadonlyArray<Dimension>): ColumnTable => {
  let table = tableOf(tables, part.from)
  for (const c of conditionsOf(part)) {
    if (c.kind !== "in" || table.columnNames().includes(listedColumn(c.table, c.key))) continue
    const name = listedColumn(c.table, c.key)
    const keys = tableOf(tables, c.table)
      .groupby(c.key)
      .rollup(record([[name, "d => op.count()"]]))
    table = table.lookup(keys, [[c.column], [c.key]], name)
  }
  const where = [...part.where.map((c) => condition(c, tables.days))]
  if (part.latest !== undefined) {
    const { partition, order } = part.latest
    const last = table.groupby(partition).rollup(record([[LATEST, `d => op.max(${col(order)})`]]))
    table = table.lookup(last, partition, LATEST)
    where.unshift(`${col(order)} === ${col(LATEST)}`)
  }
  const values = record(part.aggregates.map((a) => [a.as, aggregate(a, tables.days)] as const))
  const filter = where.length === 0 ? undefined : `d => ${where.join(" && ")}`
  const options = {
    ...(part.columns === undefined ? {} : { columns: part.columns }),
    ...(filter === undefined ? {} : { filter }),
  }
  const counts =
    part.per === undefined
      ? rollupBy(table, by, values, options)
      : rollupBy(perEntity(table, part.per, by, options), by, values)
  return zeroFill(
    counts,
    part.aggregates.filter(isCountLike).map((a) => a.as),
  )
}

/**
 * Runs a query on arquero tables, grouped by `by` (in the canonical order of
 * dimensions), and returns one row per group: the dimension columns, then the
 * query's output columns, rows sorted by the dimensions, missing values null
 * and records without a dimension value under "(unknown)" — as
 * `Indicator.compute` returns them.
 * @example
 * Query.toArquero(Query.definitions.attendanceRate, tables, ["offering"]).objects()
 * @category constructors
 */
export const toArquero = guard(
  "Query.toArquero",
  {
    nb: "en spørring (som Query.definitions.participation), tabeller fra Tables.fromDataset og en gruppering",
    en: "a query (such as Query.definitions.participation), tables from Tables.fromDataset and a grouping",
  },
  (query: Query, tables: Tables, by: ReadonlyArray<Dimension>): ColumnTable => {
    checkQuery(query)
    checkBy(query, by)
    const keys = canonical(by)
    const parts = query.parts.map((p) => runPart(p, tables, keys))
    const countLike = query.parts.flatMap((p) => p.aggregates.filter(isCountLike).map((a) => a.as))
    const joined = parts.slice(1).reduce((acc, t) => joinBy(acc, t, keys), parts[0]!)
    return finish(query, keys, derive(parts.length > 1 ? zeroFill(joined, countLike) : joined, query.derived))
  },
)
