// Random tables of the column kinds the package builds, and random
// conditions over them, for the properties of the fused passes: each pass
// against arquero's groupby → filter → rollup on the same table.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import * as fc from "fast-check"
import { DictionaryColumn } from "../../../src/internal/DictionaryColumn.js"
import type { Condition } from "../../../src/internal/kernel/where.js"

// A dictionary with a value no row holds, as a combined table may have.
const words = ["a", "b", "c", null] as const
const instruments = ["SRS", "ORS", null] as const

const column = <T>(n: number, a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n })

const rating = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, 3.5) },
)

/** A random table of `n` rows. */
const dataOf = (n: number) =>
  fc.record({
    dict: column(n, fc.integer({ min: 0, max: words.length - 1 })),
    other: column(n, fc.integer({ min: 0, max: 2 })),
    loose: column(n, fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null))),
    kind: column(n, fc.integer({ min: 0, max: instruments.length - 1 })),
    citizen: column(n, fc.integer({ min: 0, max: 9 })),
    flag: column(n, fc.integer({ min: 0, max: 2 })),
    count: column(n, fc.integer({ min: -2, max: 5 })),
    day: column(n, fc.integer({ min: 0, max: 10 })),
    fday: column(n, fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(Number.NaN))),
    rating: column(n, rating),
  })

type Data = ReturnType<typeof dataOf> extends fc.Arbitrary<infer T> ? T : never

const build = (c: Data): ColumnTable =>
  aq.table({
    dict: new DictionaryColumn(Uint32Array.from(c.dict), words),
    other: new DictionaryColumn(Uint32Array.from(c.other), ["x", "y", "z"]),
    loose: c.loose,
    kind: new DictionaryColumn(Uint32Array.from(c.kind), instruments),
    citizen: Int32Array.from(c.citizen),
    flag: Uint8Array.from(c.flag),
    count: Int32Array.from(c.count),
    day: Int32Array.from(c.day),
    fday: Float64Array.from(c.fday),
    rating: c.rating,
  })

/** Conditions of every kind the passes judge: by code, on Int32 and Float64 days, and on a plain array. */
const conditions: ReadonlyArray<Condition> = [
  { column: "kind", is: "equal", value: "SRS" },
  { column: "dict", is: "present" },
  { column: "day", is: "within", from: 2, to: 7 },
  { column: "fday", is: "within", from: 3, to: 8 },
  { column: "loose", is: "equal", value: 1 },
  { column: "loose", is: "within", from: 1, to: 2 },
]

/** A random table, grouping keys and conditions. */
export const passCase = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    table: dataOf(n).map(build),
    keys: fc.subarray(["dict", "other", "loose"], { maxLength: 2 }).chain((k) => fc.shuffledSubarray(k)),
    where: fc.shuffledSubarray([...conditions], { maxLength: 3 }),
  }),
)

/** Missing counts as 0, as an indicator's counts are zero-filled. */
export const filled = (rows: ReadonlyArray<object>, columns: ReadonlyArray<string>) =>
  (rows as ReadonlyArray<Record<string, unknown>>).map((r) => ({
    ...r,
    ...Object.fromEntries(columns.map((c) => [c, r[c] ?? 0])),
  }))
