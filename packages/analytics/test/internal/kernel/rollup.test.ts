// The rollup kernel against arquero: on random tables of every column kind
// the package builds (dictionary columns, integer and float typed arrays,
// plain arrays with missing values), random keys, aggregates, conditions and
// kept rows, the kernel gives arquero's groupby → filter → rollup row for
// row, in the same order. Either is the other's oracle.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn } from "../../../src/internal/DictionaryColumn.js"
import { record } from "../../../src/internal/expr.js"
import {
  aggregateText,
  countAbove,
  countAtLeast,
  isAggregate,
  mean,
  sumProduct,
} from "../../../src/internal/kernel/aggregates.js"
import { aggregateOf, rollup } from "../../../src/internal/kernel/rollup.js"
import { expression, type Where } from "../../../src/internal/kernel/where.js"

const runs = Number(process.env.KERNEL_RUNS ?? 150)

// Dictionary values: some unused, one missing; none holds "|" or is "null", where arquero's text keys would merge groups.
const words = ["a", "b", "c", "treatment", null] as const

const tableOf = (n: number) =>
  fc.record({
    dict: fc.array(fc.integer({ min: 0, max: words.length - 1 }), { minLength: n, maxLength: n }),
    small: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    citizen: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
    signed: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
    real: fc.array(fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(Number.NaN)), {
      minLength: n,
      maxLength: n,
    }),
    loose: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null)), { minLength: n, maxLength: n }),
    day: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }),
    kept: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
  })

const build = (c: {
  dict: number[]
  small: number[]
  citizen: number[]
  signed: number[]
  real: number[]
  loose: Array<number | null>
  day: number[]
}) =>
  aq.table({
    dict: new DictionaryColumn(Uint32Array.from(c.dict), words),
    small: Uint8Array.from(c.small),
    citizen: Int32Array.from(c.citizen),
    signed: Int32Array.from(c.signed),
    real: Float64Array.from(c.real),
    loose: c.loose,
    day: Int32Array.from(c.day),
  })

const columns = ["dict", "small", "citizen", "signed", "real", "loose", "day"] as const
const numericColumns = ["small", "citizen", "signed", "real", "loose", "day"] as const

const aggregate = fc.oneof(
  fc.constant(op.count()),
  fc.constantFrom(...numericColumns).map((c) => op.sum(c)),
  fc.constantFrom(...numericColumns).map((c) => op.valid(c)),
  fc.constantFrom(...numericColumns).map((c) => op.min(c)),
  fc.constantFrom(...numericColumns).map((c) => op.max(c)),
  fc.constantFrom(...columns).map((c) => op.distinct(c)),
  fc.constantFrom(...numericColumns).map((c) => op.median(c)),
  fc.tuple(fc.constantFrom(...numericColumns), fc.constantFrom(0, 0.1, 0.9, 1)).map(([c, p]) => op.quantile(c, p)),
  // Aggregates as data, which arquero gets as their expression text.
  fc.tuple(fc.constantFrom(...numericColumns), fc.constantFrom(...numericColumns)).map(([a, b]) => sumProduct(a, b)),
  fc.tuple(fc.constantFrom(...numericColumns), fc.integer({ min: -2, max: 4 })).map(([c, v]) => countAbove(c, v)),
  fc.tuple(fc.constantFrom(...numericColumns), fc.integer({ min: -2, max: 4 })).map(([c, v]) => countAtLeast(c, v)),
  fc.constantFrom(...numericColumns).map((c) => mean(c)),
)

// What arquero takes for an aggregate: the op, or an aggregate's expression text.
const forArquero = (v: unknown) => (isAggregate(v) ? aggregateText(v) : v)

const condition = fc.oneof(
  fc.constantFrom("a", "treatment").map((value) => ({ column: "dict", is: "equal", value }) as const),
  fc.integer({ min: 0, max: 3 }).map((value) => ({ column: "small", is: "equal", value }) as const),
  fc
    .tuple(fc.constantFrom("day", "real", "loose"), fc.integer({ min: -5, max: 20 }), fc.integer({ min: 0, max: 25 }))
    .map(([column, from, span]) => ({ column, is: "within", from, to: from + span }) as const),
  fc.constantFrom("dict", "loose").map((column) => ({ column, is: "present" }) as const),
)

const plain = (rows: ReadonlyArray<object>) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number.isNaN(v) ? "NaN" : v])))

describe("the rollup kernel", () => {
  it("gives arquero's groupby → filter → rollup on random tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }).chain((n) =>
          fc.record({
            data: tableOf(n),
            keys: fc.subarray([...columns], { maxLength: 3 }),
            values: fc.array(aggregate, { minLength: 1, maxLength: 4 }),
            where: fc.array(condition, { maxLength: 2 }),
            useRows: fc.boolean(),
          }),
        ),
        ({ data, keys, values, where, useRows }) => {
          const table = build(data)
          const named = values.map((v, i) => [`v${i}`, v] as const)
          const rows = useRows ? Uint8Array.from(data.kept) : undefined
          const kernel = rollup(
            table,
            keys,
            named.map(([k, v]) => [k, aggregateOf(v)!] as const),
            where as Where,
            rows,
          )
          expect(kernel).toBeDefined()
          const conditions: Where = [
            ...(where as Where),
            ...(rows === undefined ? [] : [{ column: "kept", is: "equal", value: 1 } as const]),
          ]
          const source = rows === undefined ? table : table.assign({ kept: rows })
          let t = keys.length > 0 ? source.groupby(...keys) : source
          if (conditions.length > 0) t = t.filter(expression(conditions))
          const want = t.rollup(record(named.map(([k, v]) => [k, forArquero(v)] as const)) as Record<string, string>)
          expect(plain(kernel!.objects())).toEqual(plain(want.objects()))
          expect(kernel!.columnNames()).toEqual(want.columnNames())
        },
      ),
      { numRuns: runs },
    )
  })

  it("reads only the aggregates it knows, so that anything else runs arquero", () => {
    expect(aggregateOf(op.distinct("citizen"))).toEqual({ op: "distinct", column: "citizen" })
    expect(aggregateOf(op.quantile("days", 0.9))).toEqual({ op: "quantile", column: "days", p: 0.9 })
    expect(aggregateOf(op.median("days"))).toEqual({ op: "quantile", column: "days", p: 0.5 })
    expect(aggregateOf("d => op.sum(d.x > 0 ? 1 : 0)")).toBeUndefined()
    expect(aggregateOf(countAbove("x", 0))).toEqual({ op: "countAbove", column: "x", value: 0 })
    expect(aggregateOf({ op: "countAbove", column: "x", value: "0" })).toBeUndefined()
    expect(aggregateOf({ op: "toString", column: "x" })).toBeUndefined()
    expect(aggregateOf(op.mode("x"))).toBeUndefined()
    expect(aggregateOf(op.sum(["a", "b"] as unknown as string))).toBeUndefined()
  })

  it("declines a filtered or ordered table, which arquero handles", () => {
    const t = aq.table({ k: Int32Array.from([0, 1, 1]), x: Int32Array.from([1, 2, 3]) })
    expect(
      rollup(
        t.filter((d: { x: number }) => d.x > 1),
        ["k"],
        [["n", { op: "count" }]],
        undefined,
      ),
    ).toBeUndefined()
    expect(rollup(t.orderby("x"), ["k"], [["n", { op: "count" }]], undefined)).toBeUndefined()
    expect(rollup(t, ["k"], [["n", { op: "count" }]], undefined)?.objects()).toEqual([
      { k: 0, n: 1 },
      { k: 1, n: 2 },
    ])
  })
})
