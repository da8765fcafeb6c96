// The input checked before any indicator: the readers have decoded every
// record (valid or rejected, never dropped); here every invariant of the
// model runs over the valid ones, and all that was found becomes the report's
// input section, each finding with its file, the line its record starts on
// and the record's position in the file, both counted from 1.
import { Dataset, Invariants, type Policy, type Problems } from "@aktivitetsmodell/core"
import type { MissingInput } from "../internal/indicatorInputs.js"
import { AnalyticsError } from "../internal/text.js"
import type { Entry, Section } from "../outputs/Rejected.js"
import * as Rejected from "../outputs/Rejected.js"
import type { EntityRead } from "./entityRead.js"
import { withoutRepeats } from "./repeats.js"

export type { EntityRead } from "./entityRead.js"

/** A municipality-year of the valid records, and the section that lists everything else. */
export interface CheckedInput {
  readonly dataset: Dataset.Dataset
  readonly section: Section
  /** The data source the input names itself (a dataset file's "source"), for the report's provenance. */
  readonly source?: string
  /**
   * The entities whose records could not be read (a folder: no file, an
   * empty file, every record rejected): give them to buildReport as
   * `missing`, and the indicators that count them are published as missing.
   */
  readonly missing?: ReadonlyArray<MissingInput>
}

/** A finding as one line; one built by plain JavaScript that cannot be read is still a line. */
export const lineOf = (e: Entry, lang: "nb" | "en"): string => {
  try {
    return Rejected.line(e, lang)
  } catch {
    return lang === "nb" ? "(en linje som ikke kan leses)" : "(a finding that cannot be read)"
  }
}

/**
 * Findings that stop the command: rejected records or broken rules when
 * asked to stop on them (`--stop-on-violations`), or wrong records in a
 * dataset file. The command line exits with 1 and lists them.
 * @category errors
 */
export class RecordsError extends AnalyticsError {
  override readonly name: string = "RecordsError"
  readonly entries: ReadonlyArray<Entry>
  constructor(entries: ReadonlyArray<Entry>) {
    const all = Array.isArray(entries) ? entries : []
    const list = (lang: "nb" | "en") =>
      all
        .slice(0, 20)
        .map((e) => `  ${lineOf(e, lang)}`)
        .join("\n") +
      (all.length > 20 ? (lang === "nb" ? `\n  … og ${all.length - 20} til` : `\n  … and ${all.length - 20} more`) : "")
    super(
      {
        nb: `${all.length} problem(er) i dataene:\n${list("nb")}`,
        en: `${all.length} problem(s) in the data:\n${list("en")}`,
      },
      all.map(problemOf),
    )
    this.entries = all
  }
}

// A finding as core's one problem shape: its invariant code, or its kind.
const problemOf = (e: Entry): Problems.Located => {
  try {
    return {
      code: e.code === "" ? e.kind : e.code,
      pointer: "",
      file: e.file,
      ...(typeof e.line === "number" ? { line: e.line } : {}),
      message: e.message,
    }
  } catch {
    return {
      code: "unreadable",
      pointer: "",
      message: { nb: "(en linje som ikke kan leses)", en: "(a finding that cannot be read)" },
    }
  }
}

// The position in its file (from 0) of each valid record: valid records keep
// the input's order, and the rejected ones name their index.
const positions = (read: EntityRead): Array<number> => {
  const rejected = new Set(read.rejected.map((r) => r.index))
  const out: Array<number> = []
  for (let i = 0; i < read.total; i++) if (!rejected.has(i)) out.push(i)
  return out
}

const unexplained = { nb: "Posten ble avvist uten forklaring", en: "The record was rejected without a reason" }

/** Every problem of every rejected record and every problem with a file, as entries. */
export const rejectedEntries = (reads: ReadonlyArray<EntityRead>): Array<Entry> =>
  reads.flatMap((r) => [
    ...r.fileProblems.map(
      (p): Entry => ({
        kind: "file",
        file: r.file,
        entity: r.entity,
        line: p.line,
        record: null,
        field: "",
        code: "",
        message: p.message,
      }),
    ),
    ...r.rejected.flatMap((x) => {
      const base = {
        kind: "rejected",
        file: r.file,
        entity: r.entity,
        line: x.line ?? r.lineOf(x.index),
        record: x.index + 1,
        code: "",
      } as const
      return x.problems.length === 0
        ? [{ ...base, field: "", message: unexplained }]
        : x.problems.map((p): Entry => ({ ...base, field: p.field, message: p.message }))
    }),
  ])

// `enrollments[3].status` → the entity, the index among its valid records, the field.
const recordAt = /^([A-Za-z]+)\[(\d+)\]\.?(.*)$/su

const kindOrder: Readonly<Record<Entry["kind"], number>> = { file: 0, rejected: 1, violation: 2 }

/**
 * Builds the municipality-year from the valid records, runs every invariant
 * of the model on it, and lists what was rejected or broken, file by file
 * and in the order of the records. A record whose id an earlier record of
 * its file has is rejected as a repeat, so the indicators count it once.
 */
export const checkInput = (
  year: number,
  given: ReadonlyArray<EntityRead>,
  policy: Policy.Policy,
  defaults: Partial<Readonly<Record<Dataset.EntityName, ReadonlyArray<unknown>>>> = {},
): CheckedInput => {
  const reads = given.map(withoutRepeats)
  const byEntity = new Map(reads.map((r) => [r.entity as string, r]))
  const at = new Map(reads.map((r) => [r.entity as string, positions(r)]))
  const fromDefaults = Dataset.entityNames.filter((e) => !byEntity.has(e) && defaults[e] !== undefined)
  const dataset = {
    year,
    ...Object.fromEntries(Dataset.entityNames.map((e) => [e, byEntity.get(e)?.valid ?? defaults[e] ?? []])),
  } as unknown as Dataset.Dataset
  const entries = rejectedEntries(reads)
  for (const v of Invariants.check(dataset, { policy })) {
    const m = recordAt.exec(v.path)
    const read = m === null ? undefined : byEntity.get(m[1]!)
    const index = m === null ? undefined : at.get(m[1]!)?.[Number(m[2])]
    entries.push(
      read === undefined || index === undefined
        ? {
            kind: "violation",
            file: "",
            entity: "",
            line: null,
            record: null,
            field: v.path,
            code: v.code,
            message: v.message,
          }
        : {
            kind: "violation",
            file: read.file,
            entity: read.entity,
            line: read.lineOf(index),
            record: index + 1,
            field: m?.[3] ?? "",
            code: v.code,
            message: v.message,
          },
    )
  }
  const fileOrder = new Map(reads.map((r, i) => [`${r.file}\u0000${r.entity}`, i]))
  const rank = (e: Entry) => fileOrder.get(`${e.file}\u0000${e.entity}`) ?? reads.length
  entries.sort(
    (a, b) => rank(a) - rank(b) || (a.record ?? 0) - (b.record ?? 0) || kindOrder[a.kind] - kindOrder[b.kind],
  )
  return {
    dataset,
    section: {
      files: reads.map((r) => ({
        file: r.file,
        entity: r.entity,
        records: r.total,
        valid: r.valid.length,
        rejected: r.rejected.length,
      })),
      entries,
      fromCatalogue: fromDefaults,
    },
  }
}
