// What a reader gives for one entity's file, apart from the checks that use
// it, so that inputCheck and repeats import it without importing each other.
import type { Batch, Dataset } from "@aktivitetsmodell/core"
import type { FileProblem } from "@aktivitetsmodell/core/node"

/**
 * The records of one entity as read from one file. `valid.length +
 * rejected.length = total`, always; `lineOf(index)` is the line the record
 * at `index` (from 0) starts on, or null where the format has no lines.
 */
export interface EntityRead {
  readonly file: string
  readonly entity: Dataset.EntityName
  readonly total: number
  readonly valid: ReadonlyArray<unknown>
  readonly rejected: ReadonlyArray<Batch.Rejected>
  readonly lineOf: (index: number) => number | null
  /** Problems with the file as a whole (core's CSV reader: an empty file, a header that rejects every row). */
  readonly fileProblems: ReadonlyArray<FileProblem>
}
