// Golden tests: the same input tables as GaussSuppression's and SSBtools' own
// tests, examples and vignette, and the same suppressed cells.
//
// Sources: github.com/statisticsnorway/ssb-gausssuppression (version 1.2.3,
// commit 6fa594c) and github.com/statisticsnorway/ssb-ssbtools (1.8.6,
// commit 1a7966f). Where the R test states the expected cells, they are
// copied from it; where it only compares two runs with each other, or the
// source is an example or the vignette, the expected cells are the output of
// those R packages at those commits for the very call cited (R indices are
// 1-based; `zeroBased` converts).
import { describe, expect, it } from "vitest"
import {
  CrossTable,
  candidatesDefault,
  ModelMatrix,
  runGaussSuppression,
  suppressSmallCounts,
} from "../../../src/privacy/gauss/index.js"
import {
  example1,
  gaussExample,
  gaussExampleCells,
  labels,
  munAccidents,
  twoWayExpected,
  twoWayRegionOrder,
  twoWayRegions,
  twoWayRows,
  z1,
  z2,
  z2RegionOrder,
  z3Like,
  z3RegionOrder,
  z3Regions,
  z3Rows,
  z3Scrambled,
  zeroBased,
} from "./fixtures.js"

const which = (flags: ReadonlyArray<boolean | null>) => flags.flatMap((f, j) => (f ? [j + 1] : []))
const sorted = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)
const freqOf = (inner: ReadonlyArray<Record<string, string | number>>, v: string) => inner.map((c) => Number(c[v]))

describe("golden: GaussSuppressionFromData and SuppressSmallCounts", () => {
  it('z1, a two-way table with totals (test-GaussSuppressionFromData.R, "GaussSuppressionFromData works")', () => {
    // which(GaussSuppressionFromData(SSBtoolsData("z1"), 1:2, 3)$suppressed) == c(12, 13, 22, 23, 42, 43)
    const inner = z1()
    const t = CrossTable.crossTable(inner, [{ name: "region" }, { name: "hovedint" }])
    expect(t.cells.length).toBe(45)
    const r = suppressSmallCounts({ x: t.x, innerFreq: freqOf(inner, "ant") })
    expect(which(r.suppressed)).toEqual([12, 13, 22, 23, 42, 43])
    expect(which(r.primary)).toEqual([13, 23, 43])
    expect(t.cells[11]).toEqual({ region: "B", hovedint: "annet" })
  })

  // test-GaussSuppressionFromData.R, "extend0 and various hierarchy input":
  // z2 with region in fylke and in kostragr; a1 (dimVar 1:4), a2 (FindDimLists
  // hierarchies) and a3 (a hierarchy list) are identical, and the same table
  // from the data without its zeros plus extend0 too. Expected cells: R's a1.
  const z2Expected = [
    8, 10, 12, 13, 18, 20, 22, 23, 47, 48, 50, 53, 55, 57, 58, 62, 63, 77, 78, 82, 83, 87, 88, 90, 92, 93, 97, 98, 100,
  ]
  const z2Dimensions: Array<CrossTable.Dimension> = [
    { name: "region", variables: ["region", "fylke", "kostragr"], order: z2RegionOrder },
    { name: "hovedint" },
  ]

  it('z2, a hierarchical table with two hierarchies in one dimension (test-GaussSuppressionFromData.R, "extend0 and various hierarchy input")', () => {
    const inner = z2()
    const t = CrossTable.crossTable(inner, z2Dimensions)
    expect(t.cells.length).toBe(100)
    const r = suppressSmallCounts({ x: t.x, innerFreq: freqOf(inner, "ant") })
    expect(which(r.primary)).toEqual([8, 18, 23, 53, 63, 83, 87, 88, 90, 93, 98])
    expect(which(r.suppressed)).toEqual(z2Expected)
  })

  it("z2 without its zero rows, extended with zeros again (same test, extend0 = TRUE)", () => {
    const inner = CrossTable.extend0(
      z2().filter((c) => c.ant !== 0),
      z2Dimensions,
      "ant",
    )
    // The two zeros come back last, so the inner cells are in another order than in z2.
    expect(inner.slice(-2).map((c) => `${c.region}:${c.hovedint}:${c.ant}`)).toEqual(["I:arbeid:0", "J:arbeid:0"])
    const t = CrossTable.crossTable(inner, z2Dimensions)
    const r = suppressSmallCounts({ x: t.x, innerFreq: freqOf(inner, "ant") })
    expect(which(r.suppressed)).toEqual(z2Expected)
  })

  it('mun_accidents (SuppressSmallCounts examples, R/SuppressSmallCounts.R; data as in test-Wrappers.R, "Wrappers")', () => {
    const inner = munAccidents()
    const t = CrossTable.crossTable(inner, [{ name: "mun" }, { name: "inj" }])
    const innerFreq = freqOf(inner, "freq")
    // SuppressSmallCounts(data = mun_accidents, maxN = 3, dimVar = 1:2, freqVar = 3)
    const a = suppressSmallCounts({ x: t.x, innerFreq, maxN: 3 })
    expect(which(a.primary)).toEqual([
      2, 5, 7, 8, 10, 12, 13, 15, 17, 18, 19, 20, 22, 25, 26, 27, 28, 29, 30, 32, 33, 35,
    ])
    expect(which(a.suppressed)).toEqual([
      2, 5, 6, 7, 8, 10, 12, 13, 15, 17, 18, 19, 20, 22, 25, 26, 27, 28, 29, 30, 32, 33, 34, 35,
    ])
    // ... protectZeros = FALSE: ones are the singletons now.
    const b = suppressSmallCounts({ x: t.x, innerFreq, maxN: 3, protectZeros: false })
    expect(which(b.primary)).toEqual([2, 13, 17, 18, 19, 22, 26, 29])
    expect(which(b.suppressed)).toEqual([2, 3, 6, 9, 13, 14, 17, 18, 19, 22, 23, 26, 29])
  })
})

describe('golden: vignette "Small count frequency table suppression" (vignettes/Small_count_frequency_table_suppression.Rmd)', () => {
  const data = example1()
  const datasetA = data.filter((c) => c.year === "2014")
  const datasetB = data.filter((c) => c.year === "2015")
  const age: CrossTable.Dimension = { name: "age" }
  const geo: CrossTable.Dimension = { name: "geo", variables: ["geo", "eu"] }
  const year: CrossTable.Dimension = { name: "year" }
  const run = (
    inner: typeof data,
    dimensions: Array<CrossTable.Dimension>,
    rule: Parameters<typeof suppressSmallCounts>[0] extends infer I ? Omit<I, "x" | "innerFreq"> : never,
    cells?: string,
  ) => {
    const t = CrossTable.crossTable(inner, dimensions, cells === undefined ? {} : { cells: labels(dimensions, cells) })
    return { t, r: suppressSmallCounts({ x: t.x, innerFreq: freqOf(inner, "freq"), ...rule }) }
  }

  it('Table 1: dimVar = c("age", "geo"), maxN = 1 (as printed in the rendered vignette)', () => {
    const { t, r } = run(datasetA, [age, { name: "geo" }], { maxN: 1 })
    expect(t.cells.map((c) => `${c.age}|${c.geo}`).join(" ; ")).toBe(
      "Total|Total ; Total|Iceland ; Total|Portugal ; Total|Spain ; old|Total ; old|Iceland ; old|Portugal ; old|Spain ; young|Total ; young|Iceland ; young|Portugal ; young|Spain",
    )
    expect(r.freq).toEqual([20, 5, 4, 11, 13, 3, 4, 6, 7, 2, 0, 5])
    expect(which(r.primary)).toEqual([11])
    expect(which(r.suppressed)).toEqual([6, 7, 10, 11])
  })

  it('Table 2: the hierarchical table, dimVar = c("age", "geo", "eu"), maxN = 2', () => {
    const { t, r } = run(datasetA, [age, geo], { maxN: 2 })
    expect(t.cells.slice(0, 6).map((c) => c.geo)).toEqual(["Total", "EU", "nonEU", "Iceland", "Portugal", "Spain"])
    expect(which(r.primary)).toEqual([15, 16, 17])
    expect(which(r.suppressed)).toEqual([8, 9, 10, 11, 14, 15, 16, 17])
  })

  it("Table 3: formula = ~age:eu + geo, maxN = 2", () => {
    const { r } = run(
      datasetA,
      [age, geo],
      { maxN: 2 },
      "Total|Total ; Total|Iceland ; Total|Portugal ; Total|Spain ; old|EU ; old|nonEU ; young|EU ; young|nonEU",
    )
    expect(r.freq).toEqual([20, 5, 4, 11, 10, 3, 5, 2])
    expect(which(r.suppressed)).toEqual([6, 8])
  })

  it("Table 4: zeros not suppressed, maxN = 4, protectZeros = FALSE", () => {
    const { r } = run(datasetA, [age, geo], { maxN: 4, protectZeros: false })
    expect(which(r.primary)).toEqual([5, 9, 10, 11, 15, 16])
    expect(which(r.suppressed)).toEqual([5, 6, 8, 9, 10, 11, 14, 15, 16, 18])
  })

  it("Table 5: secondary suppressed zeros, maxN = 3, protectZeros = FALSE, secondaryZeros = TRUE (anySumNOTprimary)", () => {
    const { r } = run(datasetA, [age, geo], { maxN: 3, protectZeros: false, secondaryZeros: true })
    expect(r.singletonMethod).toBe("anySumNOTprimary")
    expect(which(r.primary)).toEqual([9, 10, 15, 16])
    expect(which(r.suppressed)).toEqual([8, 9, 10, 11, 14, 15, 16, 17])
  })

  it('Table 7: the problem of zeros, dataset_b, maxN = 2 (and the same with singletonMethod = "none")', () => {
    const { r } = run(datasetB, [age, geo], { maxN: 2 })
    expect(which(r.primary)).toEqual([15, 16, 17])
    // young:Spain (18) and old:Total (12) are hidden so that young:Iceland + young:Portugal = 0 is not revealed.
    expect(which(r.suppressed)).toEqual([8, 9, 10, 11, 12, 14, 15, 16, 17, 18])
    const none = run(datasetB, [age, geo], { maxN: 2, singletonMethod: "none" }).r
    expect(which(none.suppressed)).toEqual([8, 9, 10, 11, 14, 15, 16, 17])
  })

  const table8Cells = [
    "Total|Total|Total ; old|Total|Total ; young|Total|Total ; Total|Iceland|Total ; Total|Portugal|Total ; Total|Spain|Total",
    "Total|Total|2014 ; Total|Total|2015 ; Total|Total|2016 ; Total|EU|Total ; Total|nonEU|Total ; old|Iceland|Total",
    "old|Portugal|Total ; old|Spain|Total ; young|Iceland|Total ; young|Portugal|Total ; young|Spain|Total ; old|Total|2014",
    "old|Total|2015 ; old|Total|2016 ; young|Total|2014 ; young|Total|2015 ; young|Total|2016 ; Total|Iceland|2014",
    "Total|Iceland|2015 ; Total|Iceland|2016 ; Total|Portugal|2014 ; Total|Portugal|2015 ; Total|Portugal|2016",
    "Total|Spain|2014 ; Total|Spain|2015 ; Total|Spain|2016 ; Total|EU|2014 ; Total|nonEU|2014 ; Total|EU|2015",
    "Total|nonEU|2015 ; Total|EU|2016 ; Total|nonEU|2016 ; old|Iceland|2014 ; old|Iceland|2015 ; old|Iceland|2016",
    "old|Portugal|2014 ; old|Portugal|2015 ; old|Portugal|2016 ; old|Spain|2014 ; old|Spain|2015 ; old|Spain|2016",
    "young|Iceland|2014 ; young|Iceland|2015 ; young|Iceland|2016 ; young|Portugal|2014 ; young|Portugal|2015",
    "young|Portugal|2016 ; young|Spain|2014 ; young|Spain|2015 ; young|Spain|2016",
  ].join(" ; ")

  it("Table 8: the problem of singletons, formula = ~age*geo*year + eu*year, maxN = 1, protectZeros = FALSE", () => {
    const { t, r } = run(data, [age, geo, year], { maxN: 1, protectZeros: false }, table8Cells)
    expect(t.cells.length).toBe(56)
    expect(which(r.primary)).toEqual([16, 50, 53])
    // young:2016:Spain (56) is hidden: else young:2016:Iceland + young:2016:Portugal = 2 shows two ones.
    expect(which(r.suppressed)).toEqual([12, 13, 15, 16, 39, 41, 44, 45, 47, 48, 50, 53, 54, 56])
    const none = run(data, [age, geo, year], { maxN: 1, protectZeros: false, singletonMethod: "none" }, table8Cells).r
    expect(which(none.suppressed)).toEqual([12, 13, 15, 16, 41, 44, 50, 53])
  })
})

describe("golden: SSBtools::GaussSuppression", () => {
  const inner = gaussExample()
  const t = CrossTable.crossTable(inner, [{ name: "var1" }, { name: "var2" }], { cells: gaussExampleCells() })
  const values = ModelMatrix.crossprod(t.x, freqOf(inner, "values"))
  const primary = values.map((v) => v > 0 && v < 5)
  const zerosFirst = [...values.keys()]
    .filter((j) => values[j] === 0)
    .concat([...values.keys()].filter((j) => values[j]! > 0))

  it("the examples of R/GaussSuppression.R: suppressedA, suppressedB, suppressedC", () => {
    expect(which(primary)).toEqual([10, 11, 12])
    // Default candidates (all cells in order): a zero is secondary suppressed.
    expect(sorted(runGaussSuppression({ x: t.x, primary }).secondary.map((j) => j + 1))).toEqual([20, 21, 22])
    // Zeros first in the candidate order: no zero is hidden.
    expect(
      sorted(runGaussSuppression({ x: t.x, primary, candidates: zerosFirst }).secondary.map((j) => j + 1)),
    ).toEqual([15, 16, 17])
    // With the ones of the inner data as singletons.
    const singleton = freqOf(inner, "values").map((v) => v === 1)
    expect(
      sorted(runGaussSuppression({ x: t.x, primary, candidates: zerosFirst, singleton }).secondary.map((j) => j + 1)),
    ).toEqual([14, 15, 16, 17, 19])
  })

  // SSBtools tests/testthat/test-GaussSuppression.R, "GaussSuppression with
  // removeDuplicated": every cell twice (xx = cbind(x, x)), primary 34:36,
  // forced 10; the results with and without removing duplicates must agree.
  describe('test-GaussSuppression.R, "GaussSuppression with removeDuplicated"', () => {
    const xx = [...t.x.columns, ...t.x.columns]
    const primary = zeroBased([34, 35, 36])
    const forced = zeroBased([10])
    const both = (columns: typeof xx) => {
      const x = ModelMatrix.fromColumns(t.x.nrow, columns)
      const a = runGaussSuppression({ x, primary, forced, removeDuplicated: false })
      const b = runGaussSuppression({ x, primary, forced, removeDuplicated: true })
      expect(sorted(b.secondary)).toEqual(sorted(a.secondary))
      expect(b.unsafe).toEqual(a.unsafe)
      return a
    }

    it("as it is: cell 34 (the duplicate of forced cell 10) is unsafe", () => {
      const a = both(xx)
      expect(sorted(a.secondary.map((j) => j + 1))).toEqual([11, 12, 21, 22, 45, 46])
      expect(a.unsafe.map((j) => j + 1)).toEqual([34])
    })

    it("with column 10 emptied", () => {
      const columns = [...xx]
      columns[9] = { rows: [], values: [] }
      const a = both(columns)
      expect(sorted(a.secondary.map((j) => j + 1))).toEqual([11, 12, 20, 21, 22, 44, 45, 46])
      expect(a.unsafe).toEqual([])
    })

    it("with columns 10 and 34 emptied", () => {
      const columns = [...xx]
      columns[9] = { rows: [], values: [] }
      columns[33] = { rows: [], values: [] }
      const a = both(columns)
      expect(sorted(a.secondary.map((j) => j + 1))).toEqual([11, 12, 21, 22, 45, 46])
    })
  })
})

describe('golden: z3 (test-GaussSuppressionFromData.R, "Advanced with integer overflow")', () => {
  const inner = z3Like(z3Regions, z3Rows, 2)
  const innerFreq = freqOf(inner, "ant")
  const t = CrossTable.crossTable(inner, [
    { name: "region", variables: ["region", "fylke", "kostragr"], order: z3RegionOrder.split(" ") },
    { name: "hovedint" },
    { name: "mnd", variables: ["mnd", "mnd2"] },
  ])
  const sumOfIndices = (s: ReadonlyArray<boolean | null>) => which(s).reduce((a, b) => a + b, 0)
  // The test's x with entries 1–20000 (columns 1–47) scrambled.
  const scrambledColumns = t.x.columns.slice()
  z3Scrambled.split(" ").forEach((s, j) => {
    const rows = s === "" ? [] : s.split(",").map(Number)
    scrambledColumns[j] = { rows, values: rows.map(() => 1) }
  })
  const scrambled = ModelMatrix.fromColumns(t.x.nrow, scrambledColumns)

  it("the model matrix of z3[, 1:6]: 432 inner cells, 1350 published", () => {
    expect(t.x.nrow).toBe(432)
    expect(t.cells.length).toBe(1350)
    const grand = t.cells.findIndex((c) => c.region === "Total" && c.hovedint === "Total" && c.mnd === "Total")
    expect(grand).toBe(240) // R's row 241
    expect(ModelMatrix.crossprod(t.x, innerFreq)[grand]).toBe(innerFreq.reduce((a, b) => a + b, 0))
  })

  it('maxN = 5, singletonMethod = "anySumOld": sum(which(suppressed)) == 599685 as in the test', () => {
    const r = suppressSmallCounts({ x: t.x, innerFreq, maxN: 5, singletonMethod: "anySumOld" })
    expect(sumOfIndices(r.suppressed)).toBe(599685)
  })

  // The next three calls of the test use "anySumOld"/"anySumNOTprimaryOld",
  // which ask whether the entries of a reduced column take more than one
  // value. On the scrambled matrix R's 32-bit integers overflow, R goes on in
  // doubles, and rounding makes equal entries look different: the test's
  // sums (525957, 411693, 576555) record that. In exact arithmetic the Old
  // methods agree with the sign-based ones, and R agrees too for the
  // sign-based ones (and for the Old ones once its distinct-value test
  // rounds): 537427, 411692, 582501, which are the expected values here.
  it("scrambled x, default maxN (test: 525957 with anySumOld; exact: 537427)", () => {
    const sign = suppressSmallCounts({ x: scrambled, innerFreq })
    expect(sumOfIndices(sign.suppressed)).toBe(537427)
    const old = suppressSmallCounts({ x: scrambled, innerFreq, singletonMethod: "anySumOld" })
    expect(old.suppressed).toEqual(sign.suppressed)
  })

  it("scrambled x, protectZeros = FALSE, secondaryZeros = TRUE (test: 411693 with anySumNOTprimaryOld; exact: 411692)", () => {
    const sign = suppressSmallCounts({ x: scrambled, innerFreq, protectZeros: false, secondaryZeros: true })
    expect(sign.singletonMethod).toBe("anySumNOTprimary")
    expect(sumOfIndices(sign.suppressed)).toBe(411692)
    const old = suppressSmallCounts({
      x: scrambled,
      innerFreq,
      protectZeros: false,
      secondaryZeros: true,
      singletonMethod: "anySumNOTprimaryOld",
    })
    expect(old.suppressed).toEqual(sign.suppressed)
  })

  it("scrambled x with columns 201:300 replaced by round(0.6 x[, 201:300] + 0.6 x[, 301:400]) (test: 576555; exact: 582501)", () => {
    const columns = scrambled.columns.slice()
    for (let j = 200; j < 300; j++) {
      const dense = new Array<number>(scrambled.nrow).fill(0)
      for (const r of scrambled.columns[j]!.rows) dense[r]! += 0.6
      for (const r of scrambled.columns[j + 100]!.rows) dense[r]! += 0.6
      const rows = dense.flatMap((v, i) => (Math.round(v) !== 0 ? [i] : []))
      columns[j] = { rows, values: rows.map((i) => Math.round(dense[i]!)) }
    }
    const x = ModelMatrix.fromColumns(scrambled.nrow, columns)
    const sign = suppressSmallCounts({ x, innerFreq })
    expect(sumOfIndices(sign.suppressed)).toBe(582501)
  })
})

describe('golden: forced and hidden cells (test-GaussSuppressionTwoWay.R, "Ok GaussSuppressionTwoWay special cases")', () => {
  it("z3 sample of 50 rows, protectZeros = FALSE, hidden freq == 10, forced freq == 14", () => {
    // GaussSuppressionFromData(z, freqVar = "ant", hierarchies = dimListsA,
    //   removeEmpty = FALSE, singletonMethod = "anySum", protectZeros = FALSE,
    //   hidden = freq == 10, forced = freq == 14, forcedInOutput = FALSE)
    const inner = z3Like(twoWayRegions, twoWayRows, 1)
    const t = CrossTable.crossTable(inner, [
      { name: "region", variables: ["region", "fylke", "kostragr"], order: twoWayRegionOrder.split(" ") },
      { name: "hovedint" },
      { name: "mnd", variables: ["mnd", "mnd2"] },
    ])
    expect(t.cells.length).toBe(420)
    const innerFreq = freqOf(inner, "ant")
    const freq = ModelMatrix.crossprod(t.x, innerFreq)
    const hidden = freq.map((f) => f === 10)
    const forced = freq.map((f) => f === 14)
    expect(which(forced)).toEqual(twoWayExpected.forced)
    expect(which(hidden)).toEqual(twoWayExpected.hidden)
    const r = suppressSmallCounts({ x: t.x, innerFreq, protectZeros: false, singletonMethod: "anySum", hidden, forced })
    // With forced cells R switches anySum to subSumAny to report unsafe cells.
    expect(r.singletonMethod).toBe("subSumAny")
    expect(which(r.primary)).toEqual(twoWayExpected.primary)
    expect(which(r.suppressed)).toEqual(twoWayExpected.suppressed)
    expect(r.suppressed.flatMap((s, j) => (s === null ? [j + 1] : []))).toEqual(twoWayExpected.hidden)
    expect(which(r.unsafe)).toEqual([])
  })

  it("the candidate order is R's CandidatesDefault (ties broken towards totals)", () => {
    const inner = z1()
    const t = CrossTable.crossTable(inner, [{ name: "region" }, { name: "hovedint" }])
    const freq = ModelMatrix.crossprod(t.x, freqOf(inner, "ant"))
    // CandidatesDefault(freq, x) for z1, computed by GaussSuppression 1.2.3.
    expect(candidatesDefault(freq, t.x).map((j) => j + 1)).toEqual(z1Candidates)
  })
})

// inputGaussSuppression$candidates of GaussSuppressionFromData(SSBtoolsData("z1"), 1:2, 3).
const z1Candidates = [
  1, 4, 5, 26, 6, 16, 2, 31, 41, 29, 11, 9, 3, 30, 21, 36, 44, 10, 19, 14, 20, 34, 39, 35, 15, 24, 45, 28, 25, 22, 32,
  7, 8, 27, 42, 33, 40, 18, 12, 37, 17, 38, 43, 23, 13,
]
