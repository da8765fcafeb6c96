// Elimination against a dense bigint reference: the number pass, the bigint
// pass it falls back to on overflow, and the `keep` filter all give b·u − a·v
// without the pivot row, divided by the gcd of its entries.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { eliminate, type Sparse } from "../../../src/privacy/gauss/Exact.js"

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y) [x, y] = [y, x % y]
  return x
}

// u and v as dense maps row → value, then the expected sparse result.
const reference = (u: Sparse, pu: number, v: Sparse, keep?: (row: number) => boolean) => {
  const dense = (s: Sparse) => new Map(s.rows.map((r, i) => [r, BigInt(s.values[i]!)]))
  const du = dense(u)
  const dv = dense(v)
  const pivot = u.rows[pu]!
  const g = gcd(du.get(pivot)!, dv.get(pivot)!)
  const a = du.get(pivot)! / g
  const b = dv.get(pivot)! / g
  const rows = [...new Set([...du.keys(), ...dv.keys()])].filter((r) => r !== pivot).sort((x, y) => x - y)
  const out: Array<[number, bigint]> = []
  for (const r of rows) {
    const fromV = dv.has(r) && (keep === undefined || keep(r)) ? dv.get(r)! : 0n
    const d = b * (du.get(r) ?? 0n) - a * fromV
    if (d !== 0n) out.push([r, d])
  }
  const all = out.reduce((acc, [, d]) => gcd(acc, d), 0n)
  return { rows: out.map(([r]) => r), values: out.map(([, d]) => (all > 1n ? d / all : d)) }
}

// A sparse vector over rows 0–11 with small non-zero values.
const vector = () =>
  fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 8 }).chain((rows) =>
    fc
      .array(
        fc.integer({ min: -9, max: 9 }).filter((x) => x !== 0),
        { minLength: rows.length, maxLength: rows.length },
      )
      .map((values) => {
        const sorted = rows.map((r, i) => [r, values[i]!] as const).sort((x, y) => x[0] - y[0])
        return { rows: sorted.map(([r]) => r), values: sorted.map(([, x]) => x) }
      }),
  )

describe("eliminate", () => {
  it("equals the dense reference, with and without overflow and a row filter (property)", () => {
    fc.assert(
      fc.property(fc.boolean(), vector(), vector(), fc.integer({ min: 0, max: 11 }), (huge, u0, v0, odd) => {
        // Huge values of u overflow the number pass into bigint. Share a pivot
        // row: the first row of u, added to v when missing.
        const u = huge ? { rows: u0.rows, values: u0.values.map((x) => x * 2 ** 40 + 1) } : u0
        const pivot = u.rows[0]!
        const at = v0.rows.indexOf(pivot)
        const v =
          at >= 0
            ? v0
            : (() => {
                const pairs = [...v0.rows.map((r, i) => [r, v0.values[i]!] as const), [pivot, 3] as const]
                pairs.sort((x, y) => x[0] - y[0])
                return { rows: pairs.map(([r]) => r), values: pairs.map(([, x]) => x) }
              })()
        const pv = v.rows.indexOf(pivot)
        const keep = odd % 2 === 0 ? undefined : (row: number) => row % 3 !== odd % 3
        const got = eliminate(u, 0, v, pv, keep)
        const want = reference(u, 0, v, keep)
        expect(got.rows).toEqual(want.rows)
        expect(got.values.map((x) => BigInt(x))).toEqual(want.values)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    )
  })
})
