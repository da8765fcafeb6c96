/**
 * Batch decoding: many records in, valid and rejected records out, with
 * nothing dropped or coerced. `valid.length + rejected.length` always equals
 * the input count.
 *
 * @module
 */
import { Result, Schema } from "effect"
import { type EntityName, entities } from "./Dataset.js"
import { formatPath, type Problem, problemsOf } from "./internal/issues.js"
import type { Bilingual } from "./internal/text.js"

export type { Problem } from "./internal/issues.js"

/**
 * A record that did not decode: its index in the input, the raw record, and
 * every problem with its field path. `line` is set when the input came from a
 * file with lines (CSV).
 * @category models
 */
export interface Rejected {
  readonly index: number
  readonly line?: number
  readonly record: unknown
  readonly problems: ReadonlyArray<Problem & { readonly field: string }>
}

/**
 * The outcome of a batch: valid records in input order and every rejection.
 * @category models
 */
export interface BatchResult<A> {
  readonly valid: ReadonlyArray<A>
  readonly rejected: ReadonlyArray<Rejected>
  readonly total: number
}

const problemsWithField = (problems: ReadonlyArray<Problem>) =>
  problems.map((p) => ({ ...p, field: formatPath(p.path) }))

/**
 * Decodes each record with `schema`. Excess fields are errors, not silently
 * dropped; every rejected record reports all its problems.
 * @example
 * const { valid, rejected } = Batch.decode(Referral.Referral, rows)
 * @category constructors
 */
export const decode = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  records: ReadonlyArray<unknown>,
  options: { readonly lines?: ReadonlyArray<number> } = {}
): BatchResult<S["Type"]> => {
  const decodeOne = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<S["Type"], unknown>)
  const valid: Array<S["Type"]> = []
  const rejected: Array<Rejected> = []
  records.forEach((record, index) => {
    const r = decodeOne(record, { errors: "all", onExcessProperty: "error" })
    if (Result.isSuccess(r)) valid.push(r.success)
    else {
      const line = options.lines?.[index]
      rejected.push({ index, ...(line === undefined ? {} : { line }), record, problems: problemsWithField(problemsOf(r.failure.issue)) })
    }
  })
  return { valid, rejected, total: records.length }
}

/**
 * Decodes records of a named entity (`"referrals"`, `"citizens"`, …).
 * @example
 * Batch.decodeEntity("enrollments", JSON.parse(text))
 * @category constructors
 */
export const decodeEntity = <K extends EntityName>(entity: K, records: ReadonlyArray<unknown>) =>
  decode(entities[entity], records) as BatchResult<(typeof entities)[K]["Type"]>

/**
 * Decodes records whose leaves are all strings, as read from a CSV file:
 * numbers and booleans are parsed strictly ("12a" is rejected, not coerced).
 * @example
 * Batch.decodeStrings("citizens", [{ id: "…", birthYear: "1990", departments: ["rpha"], healthyLifeCentre: "false", pathway: "2" }])
 * @category constructors
 */
export const decodeStrings = <K extends EntityName>(
  entity: K,
  records: ReadonlyArray<unknown>,
  options: { readonly lines?: ReadonlyArray<number> } = {}
) =>
  decode(Schema.toCodecStringTree(entities[entity]) as unknown as (typeof entities)[K], records, options) as BatchResult<
    (typeof entities)[K]["Type"]
  >

/**
 * One line per rejected record and problem, for a person to read:
 * `record 3 (line 5), field goal.text: Expected a non-empty text`.
 * @example
 * console.error(Batch.report(result, "nb"))
 * @category constructors
 */
export const report = (result: Pick<BatchResult<unknown>, "rejected">, lang: keyof Bilingual = "en"): string =>
  result.rejected
    .flatMap((r) =>
      r.problems.map((p) => {
        const where = lang === "nb" ? `post ${r.index}${r.line === undefined ? "" : ` (linje ${r.line})`}` : `record ${r.index}${r.line === undefined ? "" : ` (line ${r.line})`}`
        const field = p.field === "" ? "" : lang === "nb" ? `, felt ${p.field}` : `, field ${p.field}`
        return `${where}${field}: ${p.message[lang]}`
      })
    )
    .join("\n")
