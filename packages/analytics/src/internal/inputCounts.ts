// What a published report may say of its input: per file, how many records
// were read, valid and rejected, and how many had a broken rule; per kind of
// problem (a rejected record's field, a broken rule's code), how many records
// had it. Every count is about people, so each goes through the profile's
// suppression as the tables do: the files as a table with the records as its
// row totals, each file's rejected (or rule-breaking) records broken down by
// kind of problem (privacy/nested.ts). A hidden count is null.
import { type Breakdown, suppressNested } from "../privacy/nested.js"
import type { Profile } from "../privacy/Profile.js"
import { hidden, type Pattern } from "../privacy/Suppression.js"

// The shapes of outputs/Rejected.ts this needs, apart so that the two do not import each other.
interface Entry {
  readonly kind: "rejected" | "violation" | "file"
  readonly file: string
  readonly entity: string
  readonly record: number | null
}

interface Section<E extends Entry> {
  readonly files: ReadonlyArray<{
    readonly file: string
    readonly entity: string
    readonly records: number
    readonly valid: number
    readonly rejected: number
  }>
  readonly entries: ReadonlyArray<E>
}

/** A count as published: null when it is hidden. */
export type Shown = number | null

export interface FileCounts {
  readonly file: string
  readonly entity: string
  /** Undefined for findings of the data as a whole, which no file counts. */
  readonly records: Shown | undefined
  readonly valid: Shown | undefined
  readonly rejected: Shown | undefined
  /** Valid records with at least one broken rule. */
  readonly violating: Shown
}

export interface ProblemCount<E extends Entry = Entry> {
  readonly file: string
  readonly entity: string
  readonly kind: Entry["kind"]
  /** One finding of the kind, for its label (a field or a code); never its message. */
  readonly example: E
  /** Records with the problem; undefined for a problem with a file as a whole, which is no count of people. */
  readonly records: Shown | undefined
}

export interface InputCounts<E extends Entry = Entry> {
  readonly files: ReadonlyArray<FileCounts>
  readonly problems: ReadonlyArray<ProblemCount<E>>
  readonly totals: {
    readonly records: Shown
    readonly valid: Shown
    readonly rejected: Shown
    readonly violating: Shown
  }
}

const fileKey = (file: string, entity: string) => `${file}\u0000${entity}`

// The records of a list of findings, each once; a finding of no record counts on its own.
const recordsOf = (entries: ReadonlyArray<Entry>): number =>
  new Set(entries.map((e, i) => (e.record === null ? `#${i}` : e.record))).size

// Appends in place: a file may have a rejected record on every one of its lines.
const pushTo = <E>(map: Map<string, Array<E>>, key: string, e: E): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [e])
  else list.push(e)
}

// Findings of one file and kind grouped by what the published section shows of them, in order of appearance.
const groups = <E extends Entry>(entries: ReadonlyArray<E>, kindKey: (e: E) => string): Map<string, Array<E>> => {
  const out = new Map<string, Array<E>>()
  for (const e of entries) pushTo(out, kindKey(e), e)
  return out
}

const shown = (pattern: Pattern, r: number, c: number, v: number): Shown => (hidden(pattern, r, c) ? null : v)

/**
 * The published counts of `section` under `profile`; `kindKey` names a kind
 * of problem as the section shows it (a rejected record's field as shown,
 * a broken rule's code), so that findings shown alike are counted together.
 */
export const inputCounts = <E extends Entry>(
  section: Section<E>,
  profile: Profile,
  kindKey: (e: E) => string,
): InputCounts<E> => {
  const files = section.files
  const byFile = new Map<string, Array<E>>()
  for (const e of section.entries) pushTo(byFile, fileKey(e.file, e.entity), e)
  const of = (k: string, kind: Entry["kind"]) => (byFile.get(k) ?? []).filter((e) => e.kind === kind)
  // Findings of a file the section does not count (broken rules of the data as a whole) get a row of their own.
  const keys = files.map((f) => fileKey(f.file, f.entity))
  const extra = [...byFile.keys()].filter((k) => !keys.includes(k))
  const rows = [
    ...files.map((f) => ({ file: f.file, entity: f.entity, key: fileKey(f.file, f.entity), counted: f })),
    ...extra.map((k) => {
      const e = byFile.get(k)![0]!
      return { file: e.file, entity: e.entity, key: k, counted: undefined }
    }),
  ]
  const rejectedKinds = rows.map((r) => [...groups(of(r.key, "rejected"), kindKey)])
  const violationKinds = rows.map((r) => [...groups(of(r.key, "violation"), kindKey)])
  const parts = (kinds: Array<[string, Array<E>]>) => kinds.map(([, es]) => recordsOf(es))

  // The files: valid and rejected, with the records as row totals.
  const counted = rows.flatMap((r, i) => (r.counted === undefined ? [] : [[r.counted, i] as const]))
  const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)
  const read =
    counted.length === 0
      ? undefined
      : suppressNested(
          {
            cells: counted.map(([f]) => [f.valid, f.rejected]),
            rowTotals: counted.map(([f]) => f.records),
            columnTotals: [sum(counted.map(([f]) => f.valid)), sum(counted.map(([f]) => f.rejected))],
            grandTotal: sum(counted.map(([f]) => f.records)),
          },
          counted.flatMap(([, i], r): Array<Breakdown> => {
            const p = parts(rejectedKinds[i]!)
            return p.length === 0 ? [] : [{ at: [r, 1], parts: p }]
          }),
          profile,
        )
  // The records with a broken rule, one row a file, with their total.
  const violating = rows.map((_, i) => recordsOf(violationKinds[i]!.flatMap(([, es]) => es)))
  const broken =
    rows.length === 0
      ? undefined
      : suppressNested(
          { cells: violating.map((v) => [v]), columnTotals: [sum(violating)] },
          rows.flatMap((_, i): Array<Breakdown> => {
            const p = parts(violationKinds[i]!)
            return p.length === 0 ? [] : [{ at: [i, 0], parts: p }]
          }),
          profile,
        )

  const readRow = new Map(counted.map(([, i], r) => [i, r]))
  const rejectedList = new Map<number, Pattern>()
  let b = 0
  counted.forEach(([, i]) => {
    if (rejectedKinds[i]!.length > 0) rejectedList.set(i, read!.breakdowns[b++]!)
  })
  const violationList = new Map<number, Pattern>()
  b = 0
  rows.forEach((_, i) => {
    if (violationKinds[i]!.length > 0) violationList.set(i, broken!.breakdowns[b++]!)
  })

  const problems: Array<ProblemCount<E>> = []
  rows.forEach((row, i) => {
    for (const e of of(row.key, "file"))
      problems.push({ file: row.file, entity: row.entity, kind: "file", example: e, records: undefined })
    const list = (kinds: Array<[string, Array<E>]>, pattern: Pattern | undefined, kind: Entry["kind"]) => {
      kinds.forEach(([, es], j) => {
        problems.push({
          file: row.file,
          entity: row.entity,
          kind,
          example: es[0]!,
          // A kind of a file the table does not count has no total to be checked against: hidden.
          records: pattern === undefined ? null : shown(pattern, j, 0, recordsOf(es)),
        })
      })
    }
    list(rejectedKinds[i]!, rejectedList.get(i), "rejected")
    list(violationKinds[i]!, violationList.get(i), "violation")
  })

  const R = counted.length
  return {
    files: rows.map((row, i) => {
      const r = readRow.get(i)
      const f = row.counted
      return {
        file: row.file,
        entity: row.entity,
        records: r === undefined || f === undefined ? undefined : shown(read!.table, r, 2, f.records),
        valid: r === undefined || f === undefined ? undefined : shown(read!.table, r, 0, f.valid),
        rejected: r === undefined || f === undefined ? undefined : shown(read!.table, r, 1, f.rejected),
        violating: shown(broken!.table, i, 0, violating[i]!),
      }
    }),
    problems,
    totals: {
      records: read === undefined ? 0 : shown(read.table, R, 2, sum(files.map((f) => f.records))),
      valid: read === undefined ? 0 : shown(read.table, R, 0, sum(files.map((f) => f.valid))),
      rejected: read === undefined ? 0 : shown(read.table, R, 1, sum(files.map((f) => f.rejected))),
      violating: broken === undefined ? 0 : shown(broken.table, rows.length, 0, sum(violating)),
    },
  }
}
