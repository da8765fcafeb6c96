/**
 * The offering catalogue: the unit's departments and its offerings, kept as
 * a JSON data file
 * (`@aktivitetsmodell/core/catalogue.json`) so that adding an offering means
 * editing that file.
 *
 * @module
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import catalogueJson from "../catalogue/offerings.json" with { type: "json" }
import { Department } from "./Department.js"
import { IsoDate } from "./IsoDate.js"
import { guard } from "./internal/guard.js"
import { formatPath, jsonPointer, type Problem, problemsOf } from "./internal/issues.js"
import { Offering, SeedRef } from "./Offering.js"
import { ProblemsError } from "./Problems.js"

/**
 * The catalogue file's schema.
 * @category schemas
 */
export const Catalogue = Schema.Struct({
  $schema: Schema.optionalKey(Schema.String),
  version: IsoDate,
  source: SeedRef,
  departments: Schema.Array(Department),
  offerings: Schema.Array(Offering),
}).annotate({ identifier: "Catalogue", title: "Offering catalogue (tilbudskatalog)" })
/** @category models */
export type Catalogue = typeof Catalogue.Type

/**
 * A problem in a catalogue file: core's `Problems.Problem` with the entry
 * (its id) and the place as text (`offerings[3].limits`, in `path`).
 * @category models
 */
export interface CatalogueProblem extends Omit<Problem, "path"> {
  /** The field as text: `offerings[3].limits` (`Problems.formatPath`). */
  readonly path: string
  readonly entry?: string
}

/**
 * A catalogue that failed to load: every problem found, never only the first.
 * @category models
 */
export class CatalogueError extends ProblemsError<CatalogueProblem> {
  override readonly name: string = "CatalogueError"
  constructor(problems: ReadonlyArray<CatalogueProblem>) {
    const list = Array.isArray(problems) ? problems : []
    super(
      list,
      { en: "The offering catalogue has problems", nb: "Tilbudskatalogen har feil" },
      `The offering catalogue has ${list.length} problem(s):\n` +
        list
          .map((p) => {
            const where = p.file === undefined ? "" : `${p.file}:${p.line ?? 1}: `
            return `  ${where}${p.path}${p.entry === undefined ? "" : ` (${p.entry})`}: ${p.message.en} / ${p.message.nb}`
          })
          .join("\n"),
    )
  }
}

const entryName = (input: unknown, path: ReadonlyArray<string | number>): string | undefined => {
  const [list, index] = path
  if ((list !== "offerings" && list !== "departments") || typeof index !== "number") return undefined
  const entries = (input as Record<string, unknown> | null)?.[list]
  const entry = Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined) : undefined
  return typeof entry?.id === "string" ? entry.id : undefined
}

const crossChecks = (c: Catalogue): Array<CatalogueProblem> => {
  const problems: Array<CatalogueProblem> = []
  const departments = new Set<string>(c.departments.map((d) => d.id))
  const seen = new Map<string, number>()
  c.offerings.forEach((o, i) => {
    const first = seen.get(o.id)
    if (first !== undefined) {
      problems.push({
        code: "duplicate-id",
        pointer: jsonPointer(["offerings", i, "id"]),
        path: formatPath(["offerings", i, "id"]),
        entry: o.id,
        message: {
          en: `Duplicate offering id; offerings[${first}] has the same id`,
          nb: `Tilbuds-id brukt to ganger; offerings[${first}] har samme id`,
        },
      })
    } else seen.set(o.id, i)
    const refs: Array<[Array<string | number>, string]> = [[["operator", "department"], o.operator.department]]
    if (o.status.kind === "transferred") {
      refs.push([["status", "to"], o.status.to])
      if (o.status.from !== "all-departments")
        for (const [j, d] of o.status.from.entries()) refs.push([["status", "from", j], d])
    }
    if (o.status.kind === "discontinued") refs.push([["status", "formerOperator"], o.status.formerOperator])
    for (const [path, dep] of refs) {
      if (!departments.has(dep)) {
        const full = ["offerings", i, ...path]
        problems.push({
          code: "unknown-department",
          pointer: jsonPointer(full),
          path: formatPath(full),
          entry: o.id,
          message: {
            en: `Unknown department "${dep}"; expected one of ${[...departments].join(", ")}`,
            nb: `Ukjent avdeling «${dep}»; forventet én av ${[...departments].join(", ")}`,
          },
        })
      }
    }
  })
  return problems
}

/**
 * Decodes a catalogue (parsed JSON) and checks that ids are unique and every
 * department it names exists. Returns all problems, or the catalogue.
 * @example
 * const result = Catalogue.decode(JSON.parse(text))
 * if (!result.ok) console.error(result.problems)
 * @category constructors
 */
export const decode = guard(
  "Catalogue.decode",
  { en: "catalogue data", nb: "katalogdata" },
  (
    input: unknown,
  ):
    | { readonly ok: true; readonly catalogue: Catalogue }
    | { readonly ok: false; readonly problems: ReadonlyArray<CatalogueProblem> } => {
    const r = Schema.decodeUnknownResult(Catalogue)(input, { errors: "all", onExcessProperty: "error" })
    if (Result.isFailure(r)) {
      return {
        ok: false,
        problems: problemsOf(r.failure.issue).map((p) => {
          const entry = entryName(input, p.path)
          return {
            code: p.code,
            pointer: p.pointer,
            path: formatPath(p.path),
            ...(entry === undefined ? {} : { entry }),
            message: p.message,
          }
        }),
      }
    }
    const problems = crossChecks(r.success)
    return problems.length > 0 ? { ok: false, problems } : { ok: true, catalogue: r.success }
  },
)

/**
 * Decodes a catalogue or throws a {@link CatalogueError} listing every problem.
 * @example
 * const mine = Catalogue.decodeOrThrow(JSON.parse(text))
 * @category constructors
 */
export const decodeOrThrow = guard(
  "Catalogue.decodeOrThrow",
  { en: "catalogue data", nb: "katalogdata" },
  (input: unknown): Catalogue => {
    const r = decode(input)
    if (!r.ok) throw new CatalogueError(r.problems)
    return r.catalogue
  },
)

/**
 * Sandnes' catalogue as decided 2023-03-09 (Mestringsenhetens modell for aktivitet), decoded and checked
 * when first used.
 * @example
 * Catalogue.sandnes().offerings.length
 * @category constructors
 */
export const sandnes = (() => {
  let cached: Catalogue | undefined
  return (): Catalogue => (cached ??= decodeOrThrow(catalogueJson))
})()
