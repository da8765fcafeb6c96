// Dense group numbers for combined keys (mixed-radix numbers of several
// small integer codes), given in order of first appearance as the rollup
// kernel numbers groups that are not one dictionary's, with the first row
// of each group.

// Combined keys up to this many get a dense lookup array; beyond, a Map.
const DENSE = 2 ** 22

/** Groups of combined keys below `span`, numbered as rows first show them. */
export class KeyGroups {
  private readonly dense: Int32Array | undefined
  private readonly sparse: Map<number, number> | undefined
  /** The first row of each group. */
  readonly firstRow: Array<number> = []

  constructor(span: number) {
    if (span <= DENSE) this.dense = new Int32Array(Math.max(1, span)).fill(-1)
    else this.sparse = new Map()
  }

  get size(): number {
    return this.firstRow.length
  }

  /** The group of `key`, a new one (first shown at `row`) when no row had it. */
  add(key: number, row: number): number {
    let g = this.get(key)
    if (g < 0) {
      g = this.firstRow.length
      if (this.dense !== undefined) this.dense[key] = g
      else this.sparse!.set(key, g)
      this.firstRow.push(row)
    }
    return g
  }

  /** The group of `key`, or -1 when no row had it. */
  get(key: number): number {
    return this.dense !== undefined ? (this.dense[key] ?? -1) : (this.sparse!.get(key) ?? -1)
  }
}
