// Decoding a hand-edited file against its effect Schema, and turning every
// issue into a finding a policy officer can act on: a JSON pointer and a
// message in both languages. The schema is the one description of a file's
// shape (types, decoder and published JSON Schema); this file only words its
// issues. "Did you mean" runs here, after decoding, on the keys and values
// the schema refused.

import type { Bilingual } from "@aktivitetsmodell/core"
import { Suggest } from "@aktivitetsmodell/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import type * as SchemaIssue from "effect/SchemaIssue"
import type { Code } from "../Problem.js"
import { child } from "./pointer.js"
import { alternatives, quote } from "./text.js"

/** A problem before it has a file and line. */
export interface Finding {
  readonly pointer: string
  readonly code: Code
  readonly severity: "error" | "warning"
  readonly message: Bilingual
}

/**
 * Annotations this package reads from its file schemas:
 * - `expectedText`: what a value is, in both languages ("a text", "en tekst");
 * - `forbidden`: keys a struct refuses, each with the reason;
 * - `missingText` (on a key): what to write when the key is missing;
 * - `message`/`messageNb`/`code` on checks and on issues they return.
 */
export interface WordingAnnotations {
  readonly expectedText?: Bilingual
  readonly forbidden?: Readonly<Record<string, Bilingual>>
}

const error = (pointer: string, code: Code, message: Bilingual): Finding => ({
  pointer,
  code,
  severity: "error",
  message,
})

const pointerOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((p, k) => child(p, typeof k === "number" ? k : String(k)), "")

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** What a value from a parsed file is, in words. */
const kindName = (u: unknown): Bilingual =>
  u === null
    ? { nb: "null", en: "null" }
    : Array.isArray(u)
      ? { nb: "en liste", en: "a list" }
      : typeof u === "object"
        ? { nb: "et objekt", en: "an object" }
        : typeof u === "string"
          ? { nb: "en tekst", en: "a text" }
          : typeof u === "number"
            ? { nb: "et tall", en: "a number" }
            : typeof u === "boolean"
              ? { nb: "sann/usann", en: "true/false" }
              : { nb: typeof u, en: typeof u }

// A refined schema keeps its annotations on its last check, so look there too.
const annotation = <K extends keyof WordingAnnotations>(
  ast: SchemaAST.AST,
  key: K,
): WordingAnnotations[K] | undefined => {
  const sets = [ast.annotations, ...[...(ast.checks ?? [])].reverse().map((c) => c.annotations)] as ReadonlyArray<
    Record<string, unknown> | undefined
  >
  for (const a of sets) if (a !== undefined && Object.hasOwn(a, key)) return a[key] as WordingAnnotations[K]
  return undefined
}

const literals = (ast: SchemaAST.AST): ReadonlyArray<string> | undefined => {
  if (SchemaAST.isLiteral(ast)) return [String(ast.literal)]
  if (!SchemaAST.isUnion(ast)) return undefined
  const all = ast.types.map(literals)
  return all.every((l): l is ReadonlyArray<string> => l !== undefined) ? all.flat() : undefined
}

const expectedOf = (ast: SchemaAST.AST): Bilingual => {
  const text = annotation(ast, "expectedText")
  if (text !== undefined) return text
  const lits = literals(ast)
  if (lits !== undefined) {
    const list = alternatives(lits.map((l) => ({ nb: `«${l}»`, en: `"${l}"` })))
    return lits.length === 1 ? list : { nb: `én av ${list.nb}`, en: `one of ${list.en}` }
  }
  switch (ast._tag) {
    case "String":
      return { nb: "en tekst", en: "a text" }
    case "Number":
      return { nb: "et tall", en: "a number" }
    case "Boolean":
      return { nb: "sann/usann", en: "true/false" }
    case "Arrays":
      return { nb: "en liste", en: "a list" }
    case "Objects":
      return { nb: "et objekt", en: "an object" }
    case "Union": {
      return alternatives(ast.types.map(expectedOf))
    }
    default:
      return { nb: "en verdi", en: "a value" }
  }
}

const messageOf = (annotations: unknown): { readonly message: Bilingual; readonly code: Code } | undefined => {
  if (!isPlainObject(annotations)) return undefined
  const en = annotations.message
  const nb = annotations.messageNb
  if (typeof en !== "string" || typeof nb !== "string") return undefined
  const code = annotations.code
  return { message: { nb: nb, en: en }, code: typeof code === "string" ? (code as Code) : "shape" }
}

// Keys the member refused or missed at its own level: the fewer, the closer the member fits.
const misfit = (issue: SchemaIssue.Issue, depth = 0): number => {
  switch (issue._tag) {
    case "MissingKey":
    case "UnexpectedKey":
      return 1
    case "Pointer":
      return depth >= 1 ? 0 : misfit(issue.issue, depth + 1)
    case "Composite":
      return issue.issues.reduce((n, i) => n + misfit(i, depth), 0)
    case "Encoding":
    case "Filter":
      return misfit(issue.issue, depth)
    default:
      return 0
  }
}

// The value at a path of the decoded input: issues do not always carry it.
const valueAt = (root: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let v = root
  for (const k of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, k)) return undefined
    v = (v as Record<PropertyKey, unknown>)[k]
  }
  return v
}

const walk = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>, out: Array<Finding>, root: unknown): void => {
  switch (issue._tag) {
    case "Pointer":
      walk(issue.issue, [...path, ...issue.path], out, root)
      return
    case "Composite":
      for (const i of issue.issues) walk(i, path, out, root)
      return
    case "Encoding":
      walk(issue.issue, path, out, root)
      return
    case "Filter": {
      const own = messageOf(issue.filter.annotations)
      if (
        own !== undefined &&
        issue.issue._tag === "InvalidValue" &&
        messageOf(issue.issue.annotations) === undefined
      ) {
        out.push(error(pointerOf(path), own.code, own.message))
        return
      }
      walk(issue.issue, path, out, root)
      return
    }
    case "InvalidValue": {
      const own = messageOf(issue.annotations)
      out.push(
        error(
          pointerOf(path),
          own?.code ?? "shape",
          own?.message ?? { nb: "Forventet en gyldig verdi", en: "Expected a valid value" },
        ),
      )
      return
    }
    case "MissingKey": {
      const key = String(path[path.length - 1] ?? "")
      const why = issue.annotations?.missingText as Bilingual | undefined
      const tail = why === undefined ? { nb: "", en: "" } : { nb: `: ${why.nb}`, en: `: ${why.en}` }
      out.push(
        error(pointerOf(path.slice(0, -1)), "shape", {
          nb: `Mangler «${key}»${tail.nb}`,
          en: `Missing "${key}"${tail.en}`,
        }),
      )
      return
    }
    case "UnexpectedKey": {
      const key = String(path[path.length - 1] ?? "")
      const at = pointerOf(path)
      const k = quote(key)
      const forbidden = annotation(issue.ast, "forbidden")
      const why = forbidden !== undefined && Object.hasOwn(forbidden, key) ? forbidden[key] : undefined
      if (why !== undefined) {
        out.push(
          error(at, "forbidden", { nb: `${k.nb} er ikke tillatt: ${why.nb}`, en: `${k.en} is not allowed: ${why.en}` }),
        )
        return
      }
      const known = SchemaAST.isObjects(issue.ast) ? issue.ast.propertySignatures.map((p) => String(p.name)) : []
      const dym = Suggest.didYouMean(key, known)
      out.push(error(at, "shape", { nb: `Ukjent felt ${k.nb}${dym.nb}`, en: `Unknown key ${k.en}${dym.en}` }))
      return
    }
    case "InvalidType": {
      const what = expectedOf(issue.ast)
      const got = kindName(valueAt(root, path))
      out.push(
        error(pointerOf(path), "shape", {
          nb: `Forventet ${what.nb}, fikk ${got.nb}`,
          en: `Expected ${what.en}, got ${got.en}`,
        }),
      )
      return
    }
    case "AnyOf": {
      const lits = literals(issue.ast)
      const input = valueAt(root, path)
      // Members whose kind the value has (an object for a struct, a list for an array).
      const near = issue.issues.filter((i) => i._tag !== "InvalidType")
      if (lits !== undefined || near.length === 0) {
        const what = expectedOf(issue.ast)
        const dym =
          typeof input === "string" && lits !== undefined ? Suggest.didYouMean(input, lits) : { nb: "", en: "" }
        const got = lits !== undefined && typeof input === "string" ? quote(input) : kindName(input)
        out.push(
          error(pointerOf(path), "shape", {
            nb: `Forventet ${what.nb}, fikk ${got.nb}${dym.nb}`,
            en: `Expected ${what.en}, got ${got.en}${dym.en}`,
          }),
        )
        return
      }
      // A value that fits no member: word the problems of the member it comes closest to.
      let best = near[0]!
      for (const i of near) if (misfit(i) < misfit(best)) best = i
      walk(best, path, out, root)
      return
    }
    default:
      out.push(error(pointerOf(path), "shape", { nb: "Forventet en gyldig verdi", en: "Expected a valid value" }))
  }
}

/** The findings of one schema issue, in document order of the walk. */
const findingsOf = (issue: SchemaIssue.Issue, input: unknown): Array<Finding> => {
  const out: Array<Finding> = []
  walk(issue, [], out, input)
  return out
}

// Deeper documents are no use to a reader, and decoding them recursively could exhaust the stack.
const deeperThan = (u: unknown, max: number): boolean => {
  const stack: Array<[unknown, number]> = [[u, 0]]
  while (stack.length > 0) {
    const [v, d] = stack.pop()!
    if (typeof v !== "object" || v === null) continue
    if (d > max) return true
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1])
  }
  return false
}

/**
 * How deep a file may nest. Condition trees are the deepest part: at most 24
 * levels, each an object and a list ({"all": […]}), under a version's five.
 */
const maxNesting = 64

/**
 * Decodes `input` with `schema`, refusing keys the schema does not name.
 * Returns the value when there is no error, and every finding either way.
 */
export const decodeShape = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  input: unknown,
): { readonly value?: S["Type"]; readonly findings: Array<Finding> } => {
  if (deeperThan(input, maxNesting)) {
    return {
      findings: [
        error("", "shape", {
          nb: `Filen er nøstet i mer enn ${maxNesting} nivåer`,
          en: `The file nests more than ${maxNesting} levels deep`,
        }),
      ],
    }
  }
  const r = Schema.decodeUnknownResult(schema as never)(input, {
    errors: "all",
    onExcessProperty: "error",
  }) as Result.Result<S["Type"], Schema.SchemaError>
  if (Result.isSuccess(r)) return { value: r.success, findings: [] }
  return { findings: findingsOf(r.failure.issue, input) }
}
