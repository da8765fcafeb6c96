// Property tests on random small tables with totals (and sometimes a
// hierarchy): after suppression, no primary cell is a linear combination of
// the published cells, checked by the rational elimination of Derivable.ts,
// which shares no code with the suppression. FUZZ_RUNS sets the number of
// runs (default 200).
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  CrossTable,
  candidatesDefault,
  derivable,
  ModelMatrix,
  primaryDefault,
  runGaussSuppression,
  type SingletonMethod,
  suppressSmallCounts,
} from "../../../src/privacy/gauss/index.js"
import { greedyReference } from "./reference.js"

const runs = Number(process.env.FUZZ_RUNS ?? 200)

interface Spec {
  // Per dimension: the number of values and, when grouped, the group of each value.
  readonly dims: ReadonlyArray<{ readonly size: number; readonly groups: ReadonlyArray<number> | null }>
  readonly counts: ReadonlyArray<number>
}

const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
)

const dimension = (maxSize: number) =>
  fc.integer({ min: 2, max: maxSize }).chain((size) =>
    fc.record({
      size: fc.constant(size),
      // A grouping of the values into two groups (a hierarchy level), or none.
      groups:
        size >= 3
          ? fc.option(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: size, maxLength: size }), { nil: null })
          : fc.constant(null),
    }),
  )

// One to three dimensions, at most about 30 inner cells.
const spec: fc.Arbitrary<Spec> = fc
  .oneof(
    fc.array(dimension(6), { minLength: 1, maxLength: 1 }),
    fc.array(dimension(5), { minLength: 2, maxLength: 2 }),
    fc.array(dimension(3), { minLength: 3, maxLength: 3 }),
  )
  .chain((dims) => {
    const n = dims.reduce((a, d) => a * d.size, 1)
    return fc.record({ dims: fc.constant(dims), counts: fc.array(count, { minLength: n, maxLength: n }) })
  })

const build = (s: Spec) => {
  const dimensions: Array<CrossTable.Dimension> = s.dims.map((d, k) =>
    d.groups === null ? { name: `d${k}` } : { name: `d${k}`, variables: [`d${k}`, `g${k}`] },
  )
  const inner = s.counts.map((n, i) => {
    const cell: Record<string, string | number> = { n }
    let rest = i
    s.dims.forEach((d, k) => {
      const v = rest % d.size
      rest = Math.floor(rest / d.size)
      cell[`d${k}`] = `v${v}`
      if (d.groups !== null) cell[`g${k}`] = `group${d.groups[v]}`
    })
    return cell
  })
  const t = CrossTable.crossTable(inner, dimensions)
  return { ...t, innerFreq: inner.map((c) => c.n as number) }
}

const rule = fc.record({
  maxN: fc.integer({ min: 1, max: 4 }),
  protectZeros: fc.boolean(),
  secondaryZeros: fc.boolean(),
  method: fc.constantFrom<SingletonMethod | "default">(
    "default",
    "default",
    "default",
    "none",
    "subSum",
    "subSpace",
    "subSumSpace",
    "subSumAny",
    "anySumOld",
  ),
})

describe("property: no primary cell can be computed from the published cells", () => {
  it("holds for random tables with totals, every rule and singleton method", () => {
    fc.assert(
      fc.property(spec, rule, (s, r) => {
        const t = build(s)
        // The non-default methods assume that singletons are primary, which
        // secondaryZeros (published zeros as singletons) breaks.
        const method = r.method === "default" || r.secondaryZeros ? undefined : r.method
        const out = suppressSmallCounts({
          x: t.x,
          innerFreq: t.innerFreq,
          maxN: r.maxN,
          protectZeros: r.protectZeros,
          secondaryZeros: r.secondaryZeros,
          ...(method ? { singletonMethod: method } : {}),
        })
        const published = out.suppressed.flatMap((h, j) => (h ? [] : [j]))
        const primary = out.primary.flatMap((p, j) => (p ? [j] : []))
        const revealed = derivable(t.x, published, primary)
        expect(primary.filter((_, k) => revealed[k])).toEqual([])
      }),
      { numRuns: runs },
    )
  })

  it("holds with hidden and forced cells, except for the primary cells reported unsafe", () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (s, maxN, hiddenSeeds, forcedSeeds) => {
          const t = build(s)
          const n = t.x.columns.length
          const hidden = hiddenSeeds.map((h) => h % n)
          const forced = forcedSeeds.map((f) => f % n)
          const out = suppressSmallCounts({ x: t.x, innerFreq: t.innerFreq, maxN, hidden, forced })
          const published = out.suppressed.flatMap((h, j) => (h === false ? [j] : []))
          const protectedPrimary = out.primary.flatMap((p, j) =>
            p && !forced.includes(j) && !out.unsafe[j] ? [j] : [],
          )
          const revealed = derivable(t.x, published, protectedPrimary)
          expect(protectedPrimary.filter((_, k) => revealed[k])).toEqual([])
          // And every primary cell reported unsafe really is revealed.
          const unsafe = out.unsafe.flatMap((u, j) => (u ? [j] : []))
          expect(derivable(t.x, published, unsafe).every(Boolean)).toBe(true)
        },
      ),
      { numRuns: runs },
    )
  })
})

describe("property: the elimination decides as the naive rule", () => {
  it("equals the greedy rational reference without singletons", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 4 }), (s, maxN) => {
        const t = build(s)
        const freq = ModelMatrix.crossprod(t.x, t.innerFreq)
        const primary = primaryDefault(freq, { maxN }).flatMap((p, j) => (p ? [j] : []))
        const candidates = candidatesDefault(freq, t.x)
        const r = runGaussSuppression({ x: t.x, primary, candidates, singletonMethod: "none" })
        expect(r.secondary).toEqual(greedyReference(t.x, primary, candidates))
      }),
      { numRuns: runs },
    )
  })

  it("gives the same cells whether duplicated cells and inner rows are removed first or not", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 4 }), fc.boolean(), (s, maxN, protectZeros) => {
        const t = build(s)
        // Publish every cell twice, as two overlapping tables would.
        const x = ModelMatrix.fromColumns(t.x.nrow, [...t.x.columns, ...t.x.columns])
        const freq = ModelMatrix.crossprod(x, t.innerFreq)
        const options = {
          x,
          primary: primaryDefault(freq, { maxN, protectZeros }),
          candidates: candidatesDefault(freq, x),
          singletonMethod: "none" as const,
        }
        const a = runGaussSuppression({ ...options, removeDuplicated: true })
        const b = runGaussSuppression({ ...options, removeDuplicated: false })
        expect([...a.secondary].sort((p, q) => p - q)).toEqual([...b.secondary].sort((p, q) => p - q))
      }),
      { numRuns: runs },
    )
  })
})
