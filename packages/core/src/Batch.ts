/**
 * Batch decoding: many records in, valid and rejected records out, with
 * nothing dropped or coerced. `valid.length + rejected.length` always equals
 * the input count.
 *
 * @module
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { inheritedKeys } from "./Boundary.js"
import { type EntityName, entities, entityNames } from "./Dataset.js"
import { checkerOf, FALLBACK } from "./internal/fastDecode.js"
import { guard } from "./internal/guard.js"
import { formatPath, type PathProblem as Problem, problemsOf } from "./internal/issues.js"
import type { Bilingual } from "./internal/text.js"
import { ProblemsError } from "./ProblemsError.js"
import * as Redact from "./Redact.js"

/**
 * A problem with a record: core's `Problems.Problem` with its place as keys (`path`).
 * @category models
 */
export type { PathProblem as Problem } from "./internal/issues.js"

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
 * A call that cannot decode anything: an unknown entity name or something
 * that is not a schema. Bad records are never errors; they are rejections.
 * @category models
 */
export class BatchError extends ProblemsError {
  override readonly name: string = "BatchError"
  constructor(text: Bilingual) {
    super([], text)
  }
}

const unreadable = (what: string): Rejected["problems"] => [
  {
    code: "unreadable",
    pointer: "",
    path: [],
    field: "",
    message: {
      en: `The ${what} could not be read: reading it threw an error (a getter or a proxy)`,
      nb: `${what === "record" ? "Posten" : "Listen"} kunne ikke leses: lesingen ga en feil (en getter eller en proxy)`,
    },
  },
]

const notAList: Rejected["problems"] = [
  {
    code: "not-a-list",
    pointer: "",
    path: [],
    field: "",
    message: { en: "Expected a list of records", nb: "Forventet en liste med poster" },
  },
]

/**
 * Decodes each record with `schema`. Excess fields are errors, not silently
 * dropped; every rejected record reports all its problems. Never throws on
 * data: `null`, wrong types, throwing getters and cyclic objects come back as
 * rejections, and one bad record never stops the batch. `fromJson: true`
 * says the records are `JSON.parse`'s output (plain data: no getters, nothing
 * shared), so a valid record comes back as it is instead of as an equal
 * copy, which saves time and memory on large files.
 * @example
 * const { valid, rejected } = Batch.decode(Referral.Referral, rows)
 * @category constructors
 */
export const decode = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  records: ReadonlyArray<unknown>,
  options: { readonly lines?: ReadonlyArray<number>; readonly fromJson?: boolean } = {},
): BatchResult<S["Type"]> => {
  if (!Schema.isSchema(schema))
    throw new BatchError({ en: "Batch.decode needs an Effect schema", nb: "Batch.decode trenger et Effect-skjema" })
  const decodeOne = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<S["Type"], unknown>)
  // Most records are valid: a checker compiled from the schema accepts them
  // without Effect's machinery; anything else goes to Effect for its problems.
  // Reusing a record takes its own keys for all its fields; a key every
  // object inherits (a polluted prototype) could stand in for one: then copy.
  const fast = checkerOf(schema.ast, options?.fromJson === true && inheritedKeys().object.length === 0)
  const valid: Array<S["Type"]> = []
  const rejected: Array<Rejected> = []
  if (!Array.isArray(records)) {
    return { valid, rejected: [{ index: 0, record: records, problems: notAList }], total: 1 }
  }
  const lines = Array.isArray(options?.lines) ? options.lines : undefined
  const n = records.length
  const at = (index: number) => {
    const line = lines?.[index]
    return typeof line === "number" ? { line } : {}
  }
  for (let index = 0; index < n; index++) {
    let record: unknown
    try {
      record = records[index]
    } catch {
      rejected.push({ index, ...at(index), record: undefined, problems: unreadable("list") })
      continue
    }
    try {
      if (fast !== undefined) {
        const out = fast(record)
        if (out !== FALLBACK) {
          valid.push(out as S["Type"])
          continue
        }
      }
      const r = decodeOne(record, { errors: "all", onExcessProperty: "error" })
      if (Result.isSuccess(r)) valid.push(r.success)
      else rejected.push({ index, ...at(index), record, problems: problemsWithField(problemsOf(r.failure.issue)) })
    } catch {
      rejected.push({ index, ...at(index), record, problems: unreadable("record") })
    }
  }
  return { valid, rejected, total: n }
}

/**
 * The schema of a named entity, or a {@link BatchError} naming the entities
 * there are. Names are looked up as own keys only, so `"__proto__"` or
 * `"constructor"` is an unknown entity, not a prototype.
 * @example
 * Batch.entitySchema("referrals")
 * @category constructors
 */
export const entitySchema = <K extends EntityName>(entity: K): (typeof entities)[K] => {
  if (typeof entity === "string" && Object.hasOwn(entities, entity)) return entities[entity]
  const name = typeof entity === "string" ? Redact.show(entity, 40) : typeof entity
  throw new BatchError({
    en: `Unknown entity ${name}; expected one of ${entityNames.join(", ")}`,
    nb: `Ukjent entitet ${name}; forventet én av ${entityNames.join(", ")}`,
  })
}

/**
 * Decodes records of a named entity (`"referrals"`, `"citizens"`, …).
 * @example
 * Batch.decodeEntity("enrollments", JSON.parse(text))
 * @category constructors
 */
export const decodeEntity = <K extends EntityName>(
  entity: K,
  records: ReadonlyArray<unknown>,
  options: { readonly lines?: ReadonlyArray<number> } = {},
) => decode(entitySchema(entity), records, options) as BatchResult<(typeof entities)[K]["Type"]>

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
  options: { readonly lines?: ReadonlyArray<number> } = {},
) =>
  decode(
    Schema.toCodecStringTree(entitySchema(entity)) as unknown as (typeof entities)[K],
    records,
    options,
  ) as BatchResult<(typeof entities)[K]["Type"]>

/**
 * One line per rejected record and problem, for a person to read, with
 * records counted from 1: `record 3 (line 5), field goal.text: Expected a
 * non-empty text`.
 * @example
 * console.error(Batch.report(result, "nb"))
 * @category constructors
 */
export const report = guard(
  "Batch.report",
  { en: 'a batch result and "nb" or "en"', nb: 'et batch-resultat og "nb" eller "en"' },
  (result: Pick<BatchResult<unknown>, "rejected">, lang: keyof Bilingual = "en"): string =>
    result.rejected
      .flatMap((r) =>
        r.problems.map((p) => {
          // People count records from 1; `index` stays 0-based for programs.
          const n = r.index + 1
          const where =
            lang === "nb"
              ? `post ${n}${r.line === undefined ? "" : ` (linje ${r.line})`}`
              : `record ${n}${r.line === undefined ? "" : ` (line ${r.line})`}`
          const field = p.field === "" ? "" : lang === "nb" ? `, felt ${p.field}` : `, field ${p.field}`
          return `${where}${field}: ${p.message[lang]}`
        }),
      )
      .join("\n"),
)
