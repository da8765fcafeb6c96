// Impact's batch path. Items are grouped by date, each group's outcome codes
// are computed under both trees in one call each (Compile's `codes`), and
// the rows are compared as codes: an outcome is worded once per rule and
// policy period, not once per item.
//
// An unknown outcome (code 3) is worded with the inputs left open that
// decide it. A rule that reads one fact a subject may leave open can only
// miss that fact's input, so its unknown outcome is worded once, from the
// item-by-item path; an item with an unknown outcome of a rule that reads
// more goes through that path whole. Every change and count is the one
// `add` gives.
import { Boundary, Calendar } from "@aktivitetsmodell/core"
import type { Codes, TreeProgram } from "../Compile.js"
import type { Item } from "../DatasetSubjects.js"
import { reads } from "../Evaluate.js"
import { type InForce, on } from "../InForce.js"
import type { Tree } from "../PolicyTree.js"
import { UNKNOWN } from "./batch.js"
import { openFacts } from "./derive.js"
import { showOutcome } from "./showOutcome.js"

/** How many items a caller hands over at a time: large enough for whole date groups, small enough to stream. */
export const chunkSize = 8192

/** The item as the batch reads it, or undefined when it is not an object with a date and a subject object. */
export const wellFormed = (u: unknown): Item | undefined => {
  if (!Boundary.isRecord(u)) return undefined
  const date = u.date
  const subject = u.subject
  if (!Calendar.isIsoDate(date) || !Boundary.isRecord(subject)) return undefined
  // Read once: a getter cannot answer the grouping and the comparison differently.
  return { key: u.key as string, date, subject }
}

// A period's rules as the comparison needs them: per rule and code (0, 1, 2),
// the outcome's wording and whether it is a decision.
// the outcome's wording and whether it is a decision (an unknown outcome
// always is). `unknown` holds per rule the wording of its unknown outcome once
// met, undefined before, or null when it depends on the item.
interface Wording {
  readonly ids: ReadonlyArray<string>
  readonly words: ReadonlyArray<string>
  readonly decided: Uint8Array
  readonly unknown: Array<string | undefined | null>
}

const wordingOf = (now: InForce): Wording => {
  const words: Array<string> = []
  const decided = new Uint8Array(now.rules.length * 4)
  const unknown = now.rules.map(({ version }, i): undefined | null => {
    words.push(showOutcome(undefined), showOutcome(version.event), showOutcome(version.otherwise))
    decided[i * 4 + 1] = version.event === undefined ? 0 : 1
    decided[i * 4 + 2] = version.otherwise === undefined ? 0 : 1
    decided[i * 4 + UNKNOWN] = 1
    const read = [version.appliesWhen, version.conditions].flatMap((c) => (c === undefined ? [] : reads(c).facts))
    return openFacts.filter((f) => read.includes(f)).length === 1 ? undefined : null
  })
  return { ids: now.rules.map((r) => r.rule.id), words, decided, unknown }
}

// Which rule of each tree each compared rule is (-1: not in force there), in
// the order `add` compares them: pair by pair when both trees have the same
// rules in the same order, otherwise the base's rules, then the head's new ones.
interface Columns {
  readonly rules: ReadonlyArray<string>
  readonly base: Int32Array
  readonly head: Int32Array
}

// Per column, and per pair of codes (base × 4 + head), whether the two
// outcomes read differently: 0 no, 1 yes, 2 it depends on the item (an
// unknown outcome's wording). Most cells are 0, and a row costs a look-up per rule.
const differences = (columns: Columns, x: Wording, y: Wording): Uint8Array => {
  const out = new Uint8Array(columns.rules.length * 16)
  const word = (w: Wording, k: number, code: number): string => (k < 0 ? "not in force" : w.words[k * 3 + code]!)
  for (let c = 0; c < columns.rules.length; c++)
    for (let cx = 0; cx < 4; cx++)
      for (let cy = 0; cy < 4; cy++)
        out[c * 16 + cx * 4 + cy] =
          cx === UNKNOWN || cy === UNKNOWN ? 2 : word(x, columns.base[c]!, cx) === word(y, columns.head[c]!, cy) ? 0 : 1
  return out
}

const columnsOf = (x: ReadonlyArray<string>, y: ReadonlyArray<string>): Columns => {
  if (x.length === y.length && x.every((id, i) => id === y[i])) {
    const same = Int32Array.from(x, (_, i) => i)
    return { rules: x, base: same, head: same }
  }
  const inBase = new Map(x.map((id, i) => [id, i]))
  const inHead = new Map(y.map((id, i) => [id, i]))
  const rules = [...new Set([...inBase.keys(), ...inHead.keys()])]
  return {
    rules,
    base: Int32Array.from(rules, (id) => inBase.get(id) ?? -1),
    head: Int32Array.from(rules, (id) => inHead.get(id) ?? -1),
  }
}

const matches = (codes: Codes, wording: Wording): boolean =>
  codes.ids.length === wording.ids.length && codes.ids.every((id, i) => id === wording.ids[i])

// A row's decisions, or -1 when it has an unknown outcome whose wording depends on the item.
const decisionsIn = (codes: Uint8Array, from: number, w: Wording): number => {
  let n = 0
  for (let k = 0; k < w.ids.length; k++) {
    const code = codes[from + k]!
    if (code === UNKNOWN && w.unknown[k] === null) return -1
    n += w.decided[k * 4 + code]!
  }
  return n
}

interface Group {
  readonly base: Uint8Array
  readonly head: Uint8Array
  readonly wordings: readonly [Wording, Wording]
  readonly columns: Columns
  readonly differs: Uint8Array
}

/** What a run of items adds to the totals (items that went through `add` counted themselves). */
export interface Totals {
  readonly subjects: number
  readonly base: number
  readonly head: number
}

/**
 * Compares runs of well-formed items between the trees. `record` takes a
 * change found here, `add` decides an item on its own and `pushAll` takes its
 * changes; both are called in item order.
 */
export const codeComparer = (base: Tree, head: Tree, a: TreeProgram, b: TreeProgram) => {
  const wordings = new Map<InForce, Wording>()
  const wording = (now: InForce): Wording => {
    let w = wordings.get(now)
    if (w === undefined) {
      w = wordingOf(now)
      wordings.set(now, w)
    }
    return w
  }
  const columns = new Map<Wording, Map<Wording, { columns: Columns; differs: Uint8Array }>>()
  const columnsFor = (x: Wording, y: Wording): { columns: Columns; differs: Uint8Array } => {
    let byHead = columns.get(x)
    if (byHead === undefined) {
      byHead = new Map()
      columns.set(x, byHead)
    }
    let c = byHead.get(y)
    if (c === undefined) {
      const made = columnsOf(x.ids, y.ids)
      c = { columns: made, differs: differences(made, x, y) }
      byHead.set(y, c)
    }
    return c
  }
  return <T>(
    items: ReadonlyArray<Item>,
    add: (item: Item) => T,
    record: (item: Item, rule: string, before: string, after: string) => void,
    pushAll: (changes: T) => void,
  ): Totals => {
    const byDate = new Map<string, Array<number>>()
    for (let i = 0; i < items.length; i++) {
      const date = items[i]!.date
      const members = byDate.get(date)
      if (members === undefined) byDate.set(date, [i])
      else members.push(i)
    }
    const groupOf = new Array<Group | undefined>(items.length)
    const rowOf = new Int32Array(items.length)
    for (const [date, members] of byDate) {
      const subjects = members.map((i) => items[i]!.subject)
      const x = a.codes(subjects, date)
      const y = b.codes(subjects, date)
      const wx = wording(on(base, date))
      const wy = wording(on(head, date))
      // Codes and periods always agree; were they not to, these items go one by one.
      if (!matches(x, wx) || !matches(y, wy)) continue
      const group: Group = { base: x.codes, head: y.codes, wordings: [wx, wy], ...columnsFor(wx, wy) }
      members.forEach((i, row) => {
        groupOf[i] = group
        rowOf[i] = row
      })
    }
    // An unknown outcome's wording, from the item-by-item path the first time a rule gives one.
    const unknownOf = (program: TreeProgram, w: Wording, k: number, item: Item): string => {
      const known = w.unknown[k]
      if (typeof known === "string") return known
      const outcome = program.outcomes(item.subject, item.date)[k]?.outcome
      if (outcome?.type === "unknown") w.unknown[k] = showOutcome(outcome)
      return showOutcome(outcome)
    }
    let subjects = 0
    let decidedBase = 0
    let decidedHead = 0
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!
      const g = groupOf[i]
      if (g === undefined) {
        pushAll(add(item))
        continue
      }
      const [wx, wy] = g.wordings
      const nx = wx.ids.length
      const ny = wy.ids.length
      const fromX = rowOf[i]! * nx
      const fromY = rowOf[i]! * ny
      const inBase = decisionsIn(g.base, fromX, wx)
      const inHead = inBase < 0 ? -1 : decisionsIn(g.head, fromY, wy)
      if (inHead < 0) {
        pushAll(add(item))
        continue
      }
      subjects++
      decidedBase += inBase
      decidedHead += inHead
      const { rules, base: ix, head: iy } = g.columns
      const differs = g.differs
      for (let c = 0; c < rules.length; c++) {
        const p = ix[c]!
        const q = iy[c]!
        const cx = p < 0 ? 0 : g.base[fromX + p]!
        const cy = q < 0 ? 0 : g.head[fromY + q]!
        if (differs[c * 16 + cx * 4 + cy] === 0) continue
        const before = p < 0 ? "not in force" : cx === UNKNOWN ? unknownOf(a, wx, p, item) : wx.words[p * 3 + cx]!
        const after = q < 0 ? "not in force" : cy === UNKNOWN ? unknownOf(b, wy, q, item) : wy.words[q * 3 + cy]!
        if (before !== after) record(item, rules[c]!, before, after)
      }
    }
    return { subjects, base: decidedBase, head: decidedHead }
  }
}
