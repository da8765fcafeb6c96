import { describe, expect, it } from "vitest"
import { AnalyticsError } from "../../../src/internal/text.js"
import {
  below,
  eliminate,
  indexOf,
  mixed,
  proportional,
  sign,
  sparse,
  withoutRows,
} from "../../../src/privacy/gauss/Exact.js"
import {
  CrossTable,
  candidatesDefault,
  derivable,
  gaussSuppression,
  ModelMatrix,
  primaryDefault,
  runGaussSuppression,
  Span,
  singletonDefault,
  suppressSmallCounts,
} from "../../../src/privacy/gauss/index.js"
import { greedyReference } from "./reference.js"

// A two-way table with row, column and grand totals, as inner cells and labels.
const twoWay = (cells: ReadonlyArray<ReadonlyArray<number>>) => {
  const inner = cells.flatMap((row, r) => row.map((n, c) => ({ row: `r${r}`, col: `c${c}`, n })))
  const t = CrossTable.crossTable(inner, [{ name: "row" }, { name: "col" }])
  return { ...t, innerFreq: inner.map((c) => c.n) }
}
const hiddenLabels = (t: { cells: ReadonlyArray<CrossTable.CellLabel> }, flags: ReadonlyArray<boolean | null>) =>
  t.cells.filter((_, j) => flags[j]).map((c) => `${c.row}/${c.col}`)

describe("over-suppression", () => {
  it("hides 4 cells of a 3×3 table with totals when one inner cell is small, not 7", () => {
    // Hiding the small cell's whole row and column (plus what they then
    // reveal) is the naive answer; three secondary cells closing a rectangle
    // are enough, since every row and column equation then has two unknowns.
    const t = twoWay([
      [2, 10, 12],
      [15, 20, 25],
      [30, 11, 14],
    ])
    const r = suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq })
    expect(hiddenLabels(t, r.primary)).toEqual(["r0/c0"])
    const hidden = hiddenLabels(t, r.suppressed)
    expect(hidden).toHaveLength(4)
    // A rectangle: two rows and two columns, none of them totals.
    const rows = new Set(hidden.map((h) => h.split("/")[0]))
    const cols = new Set(hidden.map((h) => h.split("/")[1]))
    expect(rows.size).toBe(2)
    expect(cols.size).toBe(2)
    expect([...rows, ...cols]).not.toContain("Total")
    // The secondary cells are the cheapest ones: the smallest in r0 and in c0, and their crossing.
    expect(hidden).toEqual(["r0/c0", "r0/c1", "r1/c0", "r1/c1"])
    const published = r.suppressed.flatMap((s, j) => (s ? [] : [j]))
    expect(derivable(t.x, published, [t.cells.findIndex((c) => c.row === "r0" && c.col === "c0")])).toEqual([false])
  })
})

describe("gaussSuppression", () => {
  // Inner a, b, c, d of a 2×2 table: a, b, c, d, a+b, c+d, a+c, b+d, total.
  const x = ModelMatrix.fromRowSets(4, [[0], [1], [2], [3], [0, 1], [2, 3], [0, 2], [1, 3], [0, 1, 2, 3]])

  it("publishes candidates in order and hides those that would give a primary cell away", () => {
    expect(gaussSuppression({ x, primary: [0], candidates: [8, 5, 7, 4, 6, 3, 2, 1] })).toEqual([3, 2, 1])
    // Another order protects a with other cells: the candidate order is the cost.
    expect(gaussSuppression({ x, primary: [0], candidates: [1, 2, 3, 8, 5, 7, 4, 6] }).sort()).toEqual([4, 6, 8])
  })

  it("needs nothing when there is no primary cell, and nothing for a cell no one can compute", () => {
    expect(gaussSuppression({ x, primary: [] })).toEqual([])
    const noTotals = ModelMatrix.fromRowSets(2, [[0], [1]])
    expect(gaussSuppression({ x: noTotals, primary: [0] })).toEqual([])
  })

  it("takes primary cells as flags or indices, and never returns a primary or hidden cell", () => {
    const flags = [true, false, false, false, false, false, false, false, false]
    expect(gaussSuppression({ x, primary: flags })).toEqual(gaussSuppression({ x, primary: [0] }))
    const r = gaussSuppression({ x, primary: [0], hidden: [4] })
    expect(r).not.toContain(0)
    expect(r).not.toContain(4)
  })

  it("treats a hidden total as unpublished, so less is needed", () => {
    // Without the grand total and the column totals, a is only in a+b, so
    // one cell protects it: a+b comes first and is published, b is hidden.
    const candidates = [8, 5, 7, 4, 6, 3, 2, 1]
    expect(gaussSuppression({ x, primary: [0], hidden: [6, 7, 8], candidates })).toEqual([1])
    expect(gaussSuppression({ x, primary: [0], candidates })).toEqual([3, 2, 1])
  })

  it("reports primary cells that forced cells give away (also when every candidate is forced, unlike R)", () => {
    const small = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
    const r = runGaussSuppression({ x: small, primary: [0], forced: [1, 2] })
    expect(r.unsafe).toEqual([0])
    expect(r.secondary).toEqual([])
    // A forced cell that does not give it away: the other one is hidden instead.
    const s = runGaussSuppression({ x: small, primary: [0], forced: [2] })
    expect(s.unsafe).toEqual([])
    expect(s.secondary).toEqual([1])
    // As R, anySum becomes subSumAny when there are forced cells.
    expect(s.singletonMethod).toBe("subSumAny")
  })

  it("hides a duplicate of a primary cell (the same sum published twice)", () => {
    // b is published first, so a+b is hidden; the copy of a is hidden as a is.
    const dup = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1], [0]])
    expect(gaussSuppression({ x: dup, primary: [0] }).sort()).toEqual([2, 3])
    expect(gaussSuppression({ x: dup, primary: [0], removeDuplicated: false }).sort()).toEqual([2, 3])
  })

  it("rejects indices outside the table and wrong lengths", () => {
    expect(() => gaussSuppression({ x, primary: [9] })).toThrow(AnalyticsError)
    expect(() => gaussSuppression({ x, primary: [true] })).toThrow(/expected 9 flags/)
    expect(() => gaussSuppression({ x, primary: [0], singleton: [true] })).toThrow(/one per inner cell/)
    // @ts-expect-error an unknown method
    expect(() => gaussSuppression({ x, primary: [0], singletonMethod: "anySum0" })).toThrow(/unknown singletonMethod/)
  })

  it("protects a sum of singletons (anySum): zeros that are known to be zeros", () => {
    // One row of a table: 0, 0, 5 and their total 5. Both zeros are primary;
    // publishing 5 and the total would show that the two zeros sum to 0.
    const t = twoWay([[0, 0, 5]])
    const r = suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq })
    expect(hiddenLabels(t, r.primary)).toEqual(["Total/c0", "Total/c1", "r0/c0", "r0/c1"])
    expect(hiddenLabels(t, r.secondary)).toEqual(["Total/c2", "r0/c2"])
    const none = suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq, singletonMethod: "none" })
    expect(hiddenLabels(t, none.secondary)).toEqual([])
  })

  it("switches anySum to anySumNOTprimary when singletons are published", () => {
    // Ones are singletons (protectZeros = false) but maxN = 0 leaves the 1 (r0/c0) published.
    const t = twoWay([
      [1, 4],
      [6, 9],
    ])
    const r1c1 = t.cells.findIndex((c) => c.row === "r1" && c.col === "c1")
    const r = suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq, protectZeros: false, maxN: 0, primary: [r1c1] })
    expect(r.singletonMethod).toBe("anySumNOTprimary")
    expect(r.notes).toContain('singletonMethod is changed to "anySumNOTprimary"')
    expect(() =>
      suppressSmallCounts({
        x: t.x,
        innerFreq: t.innerFreq,
        protectZeros: false,
        maxN: 0,
        primary: [r1c1],
        singletonMethod: "subSum",
      }),
    ).toThrow(/anySumNOTprimary/)
    // When the 1 is primary too, anySum's premise holds.
    const r0c0 = t.cells.findIndex((c) => c.row === "r0" && c.col === "c0")
    expect(
      suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq, protectZeros: false, maxN: 0, primary: [r1c1, r0c0] })
        .singletonMethod,
    ).toBe("anySum")
  })

  it("gives the same cells with every singleton method when there are no singletons", () => {
    const t = twoWay([
      [2, 10, 12],
      [15, 3, 25],
      [30, 11, 14],
    ])
    const freq = ModelMatrix.crossprod(t.x, t.innerFreq)
    const base = {
      x: t.x,
      primary: primaryDefault(freq),
      candidates: candidatesDefault(freq, t.x),
      singleton: t.innerFreq.map(() => false),
    }
    const expected = gaussSuppression(base)
    for (const singletonMethod of [
      "anySum",
      "anySumNOTprimary",
      "anySumOld",
      "subSum",
      "subSpace",
      "subSumSpace",
      "subSumAny",
      "none",
    ] as const) {
      expect(gaussSuppression({ ...base, singletonMethod })).toEqual(expected)
    }
  })
})

describe("exact arithmetic", () => {
  // Random integer matrices with large coefficients, where products leave the
  // range of doubles at once; the decisions must be those of the plain greedy
  // rule evaluated with the independent rational checker.
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }

  it("decides as the rational reference on matrices with coefficients up to 2^40", () => {
    for (let s = 1; s <= 20; s++) {
      const rnd = random(s)
      const nrow = 5
      const column = () => {
        const rows = [...Array(nrow).keys()].filter(() => rnd() < 0.6)
        return { rows, values: rows.map(() => Math.floor((rnd() - 0.5) * 2 ** 41)) }
      }
      const x = ModelMatrix.fromColumns(nrow, Array.from({ length: 8 }, column))
      const primary = [0, 1]
      const candidates = [2, 3, 4, 5, 6, 7]
      const r = runGaussSuppression({ x, primary, candidates })
      expect(r.secondary).toEqual(greedyReference(x, primary, candidates))
    }
  })

  it("switches a column to BigInt when its entries outgrow doubles, with the same decisions", () => {
    const rnd = random(7)
    const n = 7
    const columns = Array.from({ length: 10 }, () => ({
      rows: [...Array(n).keys()],
      values: [...Array(n).keys()].map(() => Math.floor(rnd() * 2 ** 30) + 1),
    }))
    const x = ModelMatrix.fromColumns(n, [{ rows: [0, 1], values: [1, 1] }, ...columns])
    const candidates = [...Array(10).keys()].map((j) => j + 1)
    const r = runGaussSuppression({ x, primary: [0], candidates })
    expect(r.arithmetic).toBe("bigint")
    expect(r.secondary).toEqual(greedyReference(x, [0], candidates))
  })
})

describe("rules and ordering", () => {
  it("primaryDefault: counts up to maxN, zeros only when protected", () => {
    expect(primaryDefault([0, 1, 3, 4])).toEqual([true, true, true, false])
    expect(primaryDefault([0, 1, 3, 4], { maxN: 1, protectZeros: false })).toEqual([false, true, false, false])
  })

  it("singletonDefault: zeros when zeros are protected or secondary, else ones", () => {
    expect(singletonDefault([0, 1, 2])).toEqual([true, false, false])
    expect(singletonDefault([0, 1, 2], { protectZeros: false })).toEqual([false, true, false])
    expect(singletonDefault([0, 1, 2], { protectZeros: false, secondaryZeros: true })).toEqual([true, false, false])
  })

  it("candidatesDefault: large cells first, zeros before all unless secondaryZeros, ties to totals", () => {
    const x = ModelMatrix.fromRowSets(3, [[0], [1], [2], [0, 1, 2]])
    expect(candidatesDefault([3, 0, 3, 6], x)).toEqual([1, 3, 0, 2])
    expect(candidatesDefault([3, 0, 3, 6], x, { secondaryZeros: true })).toEqual([3, 0, 2, 1])
    // Equal counts: the cell in more published sums... here a tie stays in column order.
    expect(candidatesDefault([2, 2], ModelMatrix.fromRowSets(2, [[0], [1]]))).toEqual([0, 1])
    // Weights change the order.
    expect(candidatesDefault([3, 0, 3, 6], x, { weight: [1, 1, 10, 1], secondaryZeros: true })[0]).toBe(2)
  })
})

describe("CrossTable", () => {
  it("orders codes as R: total, then coarser levels, each sorted by collation", () => {
    const inner = [
      { geo: "Spain", eu: "EU" },
      { geo: "Iceland", eu: "nonEU" },
      { geo: "Portugal", eu: "EU" },
    ]
    expect(CrossTable.dimensionCodes(inner, { name: "geo", variables: ["geo", "eu"] }).map((c) => c.code)).toEqual([
      "Total",
      "EU",
      "nonEU",
      "Iceland",
      "Portugal",
      "Spain",
    ])
    expect(() =>
      CrossTable.dimensionCodes(inner, { name: "geo", variables: ["geo", "eu"], order: ["Total", "EU"] }),
    ).toThrow(/order lacks/)
    expect(() =>
      CrossTable.dimensionCodes(
        [
          { a: "x", b: "x" },
          { a: "y", b: "z" },
        ],
        { name: "a", variables: ["a", "b"] },
      ),
    ).not.toThrow()
    expect(() =>
      CrossTable.dimensionCodes(
        [
          { a: "x", b: "y" },
          { a: "y", b: "z" },
        ],
        { name: "a", variables: ["a", "b"] },
      ),
    ).toThrow(/means different cells/)
  })

  it("builds every combination, or the cells listed, or a formula's terms", () => {
    const inner = [
      { age: "old", sex: "f" },
      { age: "old", sex: "m" },
      { age: "young", sex: "f" },
    ]
    const dims = [{ name: "age" }, { name: "sex" }]
    const t = CrossTable.crossTable(inner, dims)
    expect(t.cells).toHaveLength(9)
    expect(t.x.columns[4]!.rows).toEqual([0])
    expect(t.x.columns[8]!.rows).toEqual([])
    expect(CrossTable.crossTable(inner, dims, { removeEmpty: true }).cells).toHaveLength(8)
    const listed = CrossTable.crossTable(inner, dims, { cells: [{}, { sex: "f" }] })
    expect(listed.x.columns.map((c) => c.rows)).toEqual([
      [0, 1, 2],
      [0, 2],
    ])
    expect(CrossTable.termCells(inner, dims, [[], ["age"], ["age", "sex"]])).toHaveLength(1 + 2 + 4)
  })

  it("extend0 adds the missing combinations as zeros after the data, first dimension fastest", () => {
    const inner = [
      { age: "old", sex: "f", n: 3 },
      { age: "young", sex: "m", n: 2 },
    ]
    expect(CrossTable.extend0(inner, [{ name: "age" }, { name: "sex" }], "n")).toEqual([
      ...inner,
      { age: "young", sex: "f", n: 0 },
      { age: "old", sex: "m", n: 0 },
    ])
  })
})

describe("ModelMatrix", () => {
  it("stores sorted columns and computes the published values", () => {
    const x = ModelMatrix.fromColumns(2, [{ rows: [1, 0], values: [1, -1] }])
    expect(x.columns[0]).toEqual({ rows: [0, 1], values: [-1, 1] })
    expect(ModelMatrix.crossprod(ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]]), [4, 7])).toEqual([4, 7, 11])
    expect(ModelMatrix.multiply(ModelMatrix.fromRowSets(2, [[0], [0, 1]]), [1, 10])).toEqual([11, 10])
    expect(
      ModelMatrix.fromDense([
        [1, 0, 1],
        [0, 1, 1],
      ]).columns[2]!.rows,
    ).toEqual([0, 1])
    expect(ModelMatrix.rowKeys(ModelMatrix.fromRowSets(3, [[0, 1], [2]]))).toEqual(["0:1", "0:1", "1:1"])
    expect(() => ModelMatrix.fromRowSets(2, [[0, 2]])).toThrow(/outside/)
    expect(() => ModelMatrix.fromRowSets(2, [[0, 0]])).toThrow(/twice/)
  })
})

describe("derivable", () => {
  it("finds cells that are linear combinations of the published ones", () => {
    const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
    expect(derivable(x, [1, 2], [0])).toEqual([true])
    expect(derivable(x, [2], [0, 1])).toEqual([false, false])
    expect(derivable(x, [], [0])).toEqual([false])
  })
})

describe("the documented examples", () => {
  it("hold as written", () => {
    const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
    expect(suppressSmallCounts({ x, innerFreq: [1, 9] }).suppressed).toEqual([true, true, false])
    expect(candidatesDefault([3, 0, 3], x)).toEqual([1, 2, 0])
    expect(ModelMatrix.select(ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]]), [2, 0]).columns.length).toBe(2)
    expect(ModelMatrix.columnKey({ rows: [0, 2], values: [1, 1] })).toBe("0:1,2:1")
    expect(
      CrossTable.termCells(
        [
          { a: "1", b: "x" },
          { a: "2", b: "y" },
        ],
        [{ name: "a" }, { name: "b" }],
        [[], ["a"]],
      ),
    ).toEqual([
      { a: "Total", b: "Total" },
      { a: "1", b: "Total" },
      { a: "2", b: "Total" },
    ])
    expect(
      CrossTable.extend0(
        [
          { age: "old", sex: "f", n: 3 },
          { age: "young", sex: "m", n: 2 },
        ],
        [{ name: "age" }, { name: "sex" }],
        "n",
      ),
    ).toHaveLength(4)
    const span = new Span(x)
    span.add(2)
    expect(span.contains(0)).toBe(false)
    span.add(1)
    expect(span.contains(0)).toBe(true)
    expect(span.rank).toBe(2)
    expect(eliminate({ rows: [0, 1], values: [1, 1] }, 0, { rows: [0, 2], values: [1, 1] }, 0)).toEqual({
      rows: [1, 2],
      values: [1, -1],
    })
    expect(proportional({ rows: [0, 3], values: [2, -4] }, { rows: [0, 3], values: [-1, 2] })).toBe(true)
    expect(sparse([0, 2], [4, -6]).values).toEqual([2, -3])
    expect([mixed({ rows: [0, 1], values: [1, 2] }, true), mixed({ rows: [0, 1], values: [1, 2] }, false)]).toEqual([
      false,
      true,
    ])
    expect(withoutRows({ rows: [0, 1, 2], values: [1, 1, 1] }, new Set([1])).rows).toEqual([0, 2])
    expect(below({ rows: [0, 3, 7], values: [1, 1, 1] }, 5).rows).toEqual([0, 3])
    expect([indexOf([1, 4, 9], 4), sign(-3n)]).toEqual([1, -1])
  })
})
