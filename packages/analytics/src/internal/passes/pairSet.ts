// A set of (group, citizen) pairs, the state of a distinct count of citizens
// per group in one pass: a bitset over group × citizen when that fits, else
// a Set of the pairs' numbers (a grouping by many dimensions at once).

// Pairs up to this many get a bitset (32 MB); beyond, a Set.
const BITSET = 2 ** 28

/** Pairs of a group in 0 … groups − 1 and a citizen code in 0 … citizens − 1. */
export class PairSet {
  private readonly bits: Uint32Array | undefined
  private readonly set: Set<number> | undefined

  constructor(
    readonly groups: number,
    citizens: number,
  ) {
    const span = groups * citizens
    if (span <= BITSET) this.bits = new Uint32Array((span >>> 5) + 1)
    else this.set = new Set()
  }

  /** Adds the pair; true when it was not in the set before. */
  add(group: number, citizen: number): boolean {
    // Citizen-major: the groups of one citizen sit together, and records of one citizen come in runs.
    const k = citizen * this.groups + group
    const bits = this.bits
    if (bits !== undefined) {
      const word = k >>> 5
      const mask = 1 << (k & 31)
      if ((bits[word]! & mask) !== 0) return false
      bits[word]! |= mask
      return true
    }
    const set = this.set!
    if (set.has(k)) return false
    set.add(k)
    return true
  }

  /** Whether the pair is in the set. */
  has(group: number, citizen: number): boolean {
    const k = citizen * this.groups + group
    const bits = this.bits
    return bits !== undefined ? (bits[k >>> 5]! & (1 << (k & 31))) !== 0 : this.set!.has(k)
  }
}
