/**
 * An audit, independent of the suppression algorithm: which hidden cells can
 * be computed from the published ones?
 *
 * A published table says `value_j = x_jᵀ · inner` for every published cell j.
 * A hidden cell k can be computed exactly when its column x_k is a linear
 * combination of the published columns (then its value is the same
 * combination of published values); otherwise there are two inner vectors
 * that agree on every published cell and differ on k. This checks that with
 * plain Gaussian elimination over the rationals (BigInt numerators and
 * denominators): slower than the suppression's own elimination and sharing
 * no code with it, so it can check it.
 *
 * It tests linear derivability only: it does not know that counts are
 * non-negative integers (a hidden cell between a published 0 and its
 * parts, or a sum of singletons, can also give things away; the singleton
 * methods of the suppression deal with those).
 *
 * @module
 */
import type { ModelMatrix } from "./ModelMatrix.js"

interface Fraction {
  readonly n: bigint
  readonly d: bigint // > 0
}

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b) [a, b] = [b, a % b]
  return a
}
const frac = (n: bigint, d: bigint): Fraction => {
  if (d < 0n) {
    n = -n
    d = -d
  }
  const g = gcd(n, d) || 1n
  return { n: n / g, d: d / g }
}
const ZERO: Fraction = { n: 0n, d: 1n }
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d)
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d)
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n)

const column = (x: ModelMatrix, j: number): Array<Fraction> => {
  const v = new Array<Fraction>(x.nrow).fill(ZERO)
  const c = x.columns[j]!
  c.rows.forEach((r, k) => {
    v[r] = { n: BigInt(c.values[k]!), d: 1n }
  })
  return v
}

/**
 * The span of some columns of a model matrix, kept as a fully reduced
 * rational basis, to ask which other columns lie in it.
 * @example
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * const span = new Span(x)
 * span.add(2)
 * span.contains(0) // false
 * span.add(1)
 * span.contains(0) // true
 * @category privacy
 */
export class Span {
  // Pivot row → basis vector with 1 there and 0 at every other pivot row.
  private readonly basis: Map<number, Array<Fraction>>
  constructor(
    readonly x: ModelMatrix,
    basis?: Map<number, Array<Fraction>>,
  ) {
    this.basis = basis ?? new Map()
  }

  private reduce(v: Array<Fraction>): Array<Fraction> {
    for (const [p, bv] of this.basis) {
      const f = v[p]!
      if (f.n !== 0n) for (let i = 0; i < v.length; i++) if (bv[i]!.n !== 0n) v[i] = sub(v[i]!, mul(f, bv[i]!))
    }
    return v
  }

  /** Adds column j to the span. */
  add(j: number): void {
    const v = this.reduce(column(this.x, j))
    const p = v.findIndex((f) => f.n !== 0n)
    if (p < 0) return
    const pv = v[p]!
    const w = v.map((f) => div(f, pv))
    for (const bv of this.basis.values()) {
      const f = bv[p]!
      if (f.n !== 0n) for (let i = 0; i < bv.length; i++) if (w[i]!.n !== 0n) bv[i] = sub(bv[i]!, mul(f, w[i]!))
    }
    this.basis.set(p, w)
  }

  /** Whether column j is a linear combination of the columns added. */
  contains(j: number): boolean {
    return this.reduce(column(this.x, j)).every((f) => f.n === 0n)
  }

  /** The dimension of the span. */
  get rank(): number {
    return this.basis.size
  }

  /** An independent copy. */
  clone(): Span {
    return new Span(this.x, new Map([...this.basis].map(([p, v]) => [p, [...v]])))
  }
}

/**
 * For every cell in `targets`, whether it is a linear combination of the
 * `published` cells (0-based column indices).
 * @example
 * // Inner a, b; published b and a+b: a = (a+b) − b is derivable.
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * derivable(x, [1, 2], [0]) // [true]
 * derivable(x, [2], [0, 1]) // [false, false]
 * @category privacy
 */
export const derivable = (
  x: ModelMatrix,
  published: ReadonlyArray<number>,
  targets: ReadonlyArray<number>,
): Array<boolean> => {
  const span = new Span(x)
  for (const j of published) span.add(j)
  return targets.map((k) => span.contains(k))
}
