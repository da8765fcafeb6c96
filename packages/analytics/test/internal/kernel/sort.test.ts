// The row order of kernel/sort.ts against arquero's orderby: on random key
// columns mixing texts, numbers, dates, null, undefined and NaN, orderOf
// gives the rows in the order arquero's orderby gives them, ties included;
// inOrder says rows are in that order only when orderOf leaves them as they
// are, and says so for sorted texts and numbers.
import * as aq from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareAsArquero, inOrder, orderOf } from "../../../src/internal/kernel/sort.js"

const runs = Number(process.env.KERNEL_RUNS ?? 150)

const value = fc.oneof(
  fc.constantFrom("a", "b", "(unknown)", "2024-01", "2024-10", "", null, undefined, Number.NaN),
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))),
)

// orderOf of key columns `a` and `b` (those `keys` names) against arquero's orderby of the same.
const sortsAsArquero = ({ a, b, keys }: { a: Array<unknown>; b: Array<unknown>; keys: Array<string> }): void => {
  const row = Array.from(a, (_, i) => i)
  const want = aq
    .table({ a, b, row })
    .orderby(...keys)
    .array("row")
  const columns = { a, b } as Record<string, ArrayLike<unknown>>
  expect(
    orderOf(
      a.length,
      keys.map((k) => columns[k]!),
    ),
  ).toEqual(Uint32Array.from(want as ArrayLike<number>))
}

describe("orderOf", () => {
  it("gives arquero's orderby order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }).chain((n) =>
          fc.record({
            a: fc.array(value, { minLength: n, maxLength: n }),
            b: fc.array(value, { minLength: n, maxLength: n }),
            keys: fc.subarray(["a", "b"], { minLength: 1 }),
          }),
        ),
        sortsAsArquero,
      ),
      { numRuns: runs },
    )
  })

  it("gives arquero's orderby order on texts alone or numbers alone, few rows (sorted by insertion) or many", () => {
    const texts: fc.Arbitrary<unknown> = fc.constantFrom(
      "a",
      "b",
      "B",
      "(unknown)",
      "2024-01",
      "2024-10",
      "",
      null,
      undefined,
    )
    const numbers: fc.Arbitrary<unknown> = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(null, undefined, Number.NaN, 0.5, -0),
    )
    fc.assert(
      fc.property(
        fc
          .record({ n: fc.integer({ min: 0, max: 24 }), aTexts: fc.boolean(), bTexts: fc.boolean() })
          .chain(({ n, aTexts, bTexts }) =>
            fc.record({
              a: fc.array(aTexts ? texts : numbers, { minLength: n, maxLength: n }),
              b: fc.array(bTexts ? texts : numbers, { minLength: n, maxLength: n }),
              keys: fc.subarray(["a", "b"], { minLength: 1 }),
            }),
          ),
        sortsAsArquero,
      ),
      { numRuns: runs * 2 },
    )
  })

  it("puts missing values first and NaN before numbers", () => {
    expect(compareAsArquero(null, "a")).toBe(-1)
    expect(compareAsArquero("a", undefined)).toBe(1)
    expect(compareAsArquero(Number.NaN, 1)).toBe(-1)
    expect(compareAsArquero(null, undefined)).toBe(0)
  })
})

describe("inOrder", () => {
  const identity = (n: number) => Uint32Array.from({ length: n }, (_, i) => i)
  const keyColumns = (kind: "mixed" | "texts" | "numbers") =>
    kind === "mixed"
      ? value
      : kind === "texts"
        ? fc.constantFrom("a", "b", "(unknown)", "2024-01", "2024-10", "", null, undefined)
        : fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(null, undefined, Number.NaN, 0.5, -0))

  const cases = fc
    .record({
      kind: fc.constantFrom("mixed", "texts", "numbers") as fc.Arbitrary<"mixed" | "texts" | "numbers">,
      n: fc.integer({ min: 0, max: 12 }),
      width: fc.integer({ min: 1, max: 2 }),
      sorted: fc.boolean(),
    })
    .chain(({ kind, n, width, sorted }) =>
      fc.record({
        kind: fc.constant(kind),
        n: fc.constant(n),
        sorted: fc.constant(sorted),
        keys: fc.array(fc.array(keyColumns(kind), { minLength: n, maxLength: n }), {
          minLength: width,
          maxLength: width,
        }),
      }),
    )

  it("says rows are in order only when orderOf leaves them as they are, on any keys (property)", () => {
    fc.assert(
      fc.property(cases, ({ kind, n, sorted, keys }) => {
        // Half the time the rows are sorted first, so that the fast path is taken.
        const rows = sorted ? Array.from(orderOf(n, keys)) : Array.from({ length: n }, (_, i) => i)
        const columns = keys.map((k) => rows.map((r) => k[r]))
        const order = orderOf(n, columns)
        if (inOrder(n, columns)) expect(order).toEqual(identity(n))
        // Texts or numbers alone: sorted rows are always recognised.
        else if (kind !== "mixed") expect(order).not.toEqual(identity(n))
      }),
      { numRuns: runs * 4 },
    )
  })

  it("leaves mixed texts and numbers to the sort, where rows can be in order pair by pair and still move", () => {
    // Each neighbour compares equal (a text against a number), yet "b" comes after "a".
    const keys = [["b", 1, "a", 0]]
    expect(orderOf(4, keys)).not.toEqual(identity(4))
    expect(inOrder(4, keys)).toBe(false)
    expect(inOrder(3, [[null, "a", "b"]])).toBe(true)
    expect(inOrder(3, [["a", null, "b"]])).toBe(false)
    expect(inOrder(3, [[Number.NaN, -1, 2]])).toBe(true)
    expect(inOrder(2, [[new Date(0), new Date(1)]])).toBe(false)
  })
})
