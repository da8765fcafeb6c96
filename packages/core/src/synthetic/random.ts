/**
 * A small seeded pseudo-random generator (sfc32), so that the synthetic year
 * is the same for the same seed on every platform, without Node built-ins.
 *
 * @module
 */

const mix = (h: number, k: number): number => {
  h ^= k
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const hashLabel = (label: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * A seeded random stream (sfc32). Use `fork(label)` to give each part of the
 * generator its own independent stream, so that changing one part does not
 * shift the numbers another part draws.
 * @example
 * const r = new Random(1)
 * r.int(1, 6) // a die roll, the same for seed 1 every time
 * @category constructors
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(
    readonly seed: number,
    readonly label: string = "",
  ) {
    const s = Math.trunc(seed) >>> 0
    const hi = Math.trunc(seed / 0x1_0000_0000) >>> 0
    const l = hashLabel(label)
    this.a = mix(0x9e3779b9, s)
    this.b = mix(0x243f6a88, hi ^ l)
    this.c = mix(0xb7e15162, l)
    this.d = mix(this.a ^ this.b, s ^ 0x5bd1e995) | 1
    for (let i = 0; i < 16; i++) this.nextUint32()
  }

  /** An independent stream for one part of the generator. */
  fork(label: string): Random {
    return new Random(this.seed, `${this.label}/${label}`)
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000
  }

  /** A uniform whole number from `lo` to `hi` inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo)
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element, uniformly. The array must not be empty. */
  pick<T>(xs: ReadonlyArray<T>): T {
    if (xs.length === 0) throw new Error("Random.pick: empty array")
    return xs[Math.floor(this.next() * xs.length)] as T
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0
    for (const [, w] of items) total += Math.max(0, w)
    if (items.length === 0 || total <= 0) throw new Error("Random.weighted: no positive weight")
    let r = this.next() * total
    for (const [v, w] of items) {
      r -= Math.max(0, w)
      if (r < 0) return v
    }
    return items[items.length - 1]![0]
  }

  /** A normal deviate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next()
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** `n` lowercase hexadecimal characters. */
  hex(n: number): string {
    let s = ""
    while (s.length < n) s += this.nextUint32().toString(16).padStart(8, "0")
    return s.slice(0, n)
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(xs: ReadonlyArray<T>): Array<T> {
    const out = [...xs]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const t = out[i] as T
      out[i] = out[j] as T
      out[j] = t
    }
    return out
  }

  /** `k` distinct elements in random order (fewer when the array is shorter). */
  sample<T>(xs: ReadonlyArray<T>, k: number): Array<T> {
    return this.shuffle(xs).slice(0, Math.max(0, k))
  }
}
