// Rows, the sum of a 0/1 flag, distinct citizens and distinct citizens among
// the flagged rows per group, over the rows a condition keeps, in one pass:
// what two rollups (all kept rows; kept rows with the flag 1) joined on the
// dimensions give, without the second mask, grouping and distinct pass, nor
// the join.
import type { ColumnTable } from "arquero"
import { UNKNOWN } from "../../Dimension.js"
import { codedOf } from "../kernel/codes.js"
import type { Where } from "../kernel/where.js"
import { groupingOf } from "./grouping.js"
import { isWhole, type KeptGroups, keptGroups, keptTable, type Whole } from "./keptGroups.js"
import { type ByCode, type Range, splitConditions } from "./keptOf.js"
import { PairSet } from "./pairSet.js"

/** The output columns' names. */
export interface FlaggedNames {
  readonly rows: string
  readonly flagSum: string
  readonly citizens: string
  readonly flaggedCitizens: string
}

/**
 * Per group of `by` over the rows where `where` holds: the rows, the sum of
 * `flag`, the distinct citizens, and the distinct citizens among rows whose
 * `flag` is 1, with counts of groups without such rows given as 0 and
 * missing key values named "(unknown)" (as the joined rollups have them,
 * zero-filled). Undefined when a column is not of a kind this pass reads, or
 * when two groups' keys would meet in arquero's join (then the caller runs
 * the rollups and the join).
 */
export const flaggedCitizens = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  where: Where,
  flag: string,
  names: FlaggedNames,
): ColumnTable | undefined => {
  const flags = table.column(flag) as unknown
  if (!isWhole(flags)) return undefined
  const citizen = codedOf(table.column("citizen"))
  // A missing citizen would count as a value of its own: the kernel's case.
  if (citizen === undefined || !citizen.allValid) return undefined
  // A dictionary condition and a range, the SRS forms' shape: judged in the one pass.
  const split = splitConditions(table, where)
  const judged = split.byCode !== undefined && split.range !== undefined && split.rest.length === 0
  const grouping = judged ? groupingOf(table, by) : undefined
  const kept: KeptGroups | undefined =
    grouping === undefined ? keptGroups(table, by, where) : { grouping, of: grouping.groups.of, filtered: true }
  if (kept === undefined) return undefined
  const size = kept.grouping.groups.size
  const rows = new Float64Array(size)
  const sums = new Float64Array(size)
  const citizens = new Float64Array(size)
  const flagged = new Float64Array(size)
  const counts = { rows, sums, citizens, flagged }
  if (grouping !== undefined)
    judgedPass(kept.of, split.byCode!, split.range!, flags, citizen.codes, citizen.size, counts)
  else flaggedPass(kept.of, flags, citizen.codes, citizen.size, counts)
  const grouped = keptTable(kept, by, rows, [
    [names.rows, rows],
    [names.flagSum, sums],
    [names.citizens, citizens],
    [names.flaggedCitizens, flagged],
  ])
  if (by.length === 0) return grouped
  const keys = by.map((k) => Array.from(grouped.array(k) as ArrayLike<unknown>, (v) => (v == null ? UNKNOWN : v)))
  if (!distinctJoinKeys(keys)) return undefined
  return grouped.assign(Object.fromEntries(by.map((k, i) => [k, keys[i]!])))
}

// arquero's join key of one value (util/key-function.js) for texts and
// numbers; undefined for a value whose key this does not restate.
const joinKey = (v: unknown): string | undefined =>
  typeof v === "string" ? `"${v}"` : typeof v === "number" && !Number.isNaN(v) ? String(v) : undefined

/** Whether every row's named keys give a join key no other row gives, so each group meets only itself. */
const distinctJoinKeys = (keys: ReadonlyArray<ReadonlyArray<unknown>>): boolean => {
  const n = keys[0]?.length ?? 0
  const seen = new Set<string>()
  for (let r = 0; r < n; r++) {
    let s = ""
    for (let k = 0; k < keys.length; k++) {
      const part = joinKey(keys[k]![r])
      if (part === undefined) return false
      s += k > 0 ? `|${part}` : part
    }
    if (seen.has(s)) return false
    seen.add(s)
  }
  return true
}

// The loop in a function of its own, optimised on its own.
const flaggedPass = (
  of: Int32Array,
  flags: Whole,
  codes: Int32Array,
  citizenCount: number,
  out: {
    readonly rows: Float64Array
    readonly sums: Float64Array
    readonly citizens: Float64Array
    readonly flagged: Float64Array
  },
): void => {
  const { rows, sums, citizens, flagged } = out
  const all = new PairSet(rows.length, citizenCount)
  const alerted = new PairSet(rows.length, citizenCount)
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    if (g < 0) continue
    const c = codes[i]!
    const f = flags[i]!
    rows[g]!++
    sums[g]! += f
    if (all.add(g, c)) citizens[g]!++
    if (f === 1 && alerted.add(g, c)) flagged[g]!++
  }
}

// flaggedPass with the conditions judged row by row instead of read from the groups.
const judgedPass = (
  of: Int32Array,
  { codes: kept, pass }: ByCode,
  { values: days, from, to }: Range,
  flags: Whole,
  codes: Int32Array,
  citizenCount: number,
  out: {
    readonly rows: Float64Array
    readonly sums: Float64Array
    readonly citizens: Float64Array
    readonly flagged: Float64Array
  },
): void => {
  const { rows, sums, citizens, flagged } = out
  const all = new PairSet(rows.length, citizenCount)
  const alerted = new PairSet(rows.length, citizenCount)
  for (let i = 0; i < of.length; i++) {
    const d = days[i]!
    if (pass[kept[i]!] === 0 || !(d >= from && d <= to)) continue
    const g = of[i]!
    const c = codes[i]!
    const f = flags[i]!
    rows[g]!++
    sums[g]! += f
    if (all.add(g, c)) citizens[g]!++
    if (f === 1 && alerted.add(g, c)) flagged[g]!++
  }
}
