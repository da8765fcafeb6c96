// A fast path for decoding plain records: a checker compiled once per schema
// from its AST, for the node kinds the model's records use (structs of
// strings, numbers, booleans, literals, unions, arrays and tuples, with their
// filters). It answers "valid, and here is the output" for the common case;
// for anything else — an invalid record, a transformation, a node kind it does
// not know — it answers FALLBACK, and Effect decodes as before, problems and
// all. The differential test holds its output equal to Effect's.
//
// A checker made with `reuse` returns a valid object or array itself when
// its output would be an equal copy (same keys in the same order, same
// values): for JSON.parse's output, which has no getters and shares nothing,
// that saves a copy of every record.
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import { predicateOf, withPredicate } from "./predicates.js"

/** Not decided here: let Effect decode it. */
export const FALLBACK: unique symbol = Symbol("fallback")
type Out = unknown

export type Checker = (input: unknown) => Out

const OPTIONS = { errors: "first" } as const

type Check = NonNullable<SchemaAST.AST["checks"]>[number]
// A test passes a value when it returns `true`.
type Test = (input: unknown) => unknown

// Effect's own finite-number filter, made from `Number.isFinite`.
const finite = Schema.Finite.ast.checks?.[0]
if (finite !== undefined) withPredicate(finite, Number.isFinite)

// A node's checks as one flat list of tests, in order: a filter's registered
// predicate where it has one, else the filter run as Effect runs it.
const testsOf = (checks: ReadonlyArray<Check>, ast: SchemaAST.AST, out: Array<Test>): Array<Test> => {
  for (const c of checks) {
    if (c._tag === "FilterGroup") {
      testsOf(c.checks, ast, out)
      continue
    }
    const predicate = predicateOf(c) as Test | undefined
    out.push(predicate ?? ((input) => c.run(input as never, ast, OPTIONS as never) === undefined))
  }
  return out
}

const withChecks = (ast: SchemaAST.AST, f: Checker): Checker => {
  const checks = ast.checks
  if (checks === undefined) return f
  const tests = testsOf(checks, ast, [])
  return (input) => {
    const out = f(input)
    if (out === FALLBACK) return FALLBACK
    for (let i = 0; i < tests.length; i++) if (tests[i]!(out) !== true) return FALLBACK
    return out
  }
}

// A string, number or boolean with its checks, in one function: most fields of a record are one.
const leaf = (ast: SchemaAST.AST, kind: "string" | "number" | "boolean"): Checker => {
  const tests = testsOf(ast.checks ?? [], ast, [])
  if (tests.length === 0) return (u) => (typeof u === kind ? u : FALLBACK)
  const first = tests[0]!
  if (tests.length === 1) return (u) => (typeof u === kind && first(u) === true ? u : FALLBACK)
  const second = tests[1]!
  if (tests.length === 2) return (u) => (typeof u === kind && first(u) === true && second(u) === true ? u : FALLBACK)
  return (u) => {
    if (typeof u !== kind) return FALLBACK
    for (let i = 0; i < tests.length; i++) if (tests[i]!(u) !== true) return FALLBACK
    return u
  }
}

const compileNode = (ast: SchemaAST.AST, reuse: boolean): Checker | undefined => {
  // Transformations change values; only Effect applies them.
  if (ast.encoding !== undefined) return undefined
  switch (ast._tag) {
    case "String":
      return leaf(ast, "string")
    case "Number":
      return leaf(ast, "number")
    case "Boolean":
      return leaf(ast, "boolean")
    case "Literal": {
      const literal = (ast as SchemaAST.Literal).literal
      return withChecks(ast, (u) => (u === literal ? u : FALLBACK))
    }
    case "Union": {
      const members = (ast as SchemaAST.Union).types.map((t) => compileNode(t, reuse))
      if (members.some((m) => m === undefined)) return undefined
      const ms = members as Array<Checker>
      // Exactly one member must accept it; otherwise Effect decides (its union modes differ).
      return withChecks(ast, (u) => {
        let found: Out = FALLBACK
        for (const m of ms) {
          const out = m(u)
          if (out === FALLBACK) continue
          if (found !== FALLBACK) return FALLBACK
          found = out
        }
        return found
      })
    }
    case "Arrays": {
      const a = ast as SchemaAST.Arrays
      const elements = a.elements.map((e) => compileNode(e, reuse))
      const rest = a.rest.map((e) => compileNode(e, reuse))
      if (elements.some((e) => e === undefined) || rest.length > 1 || rest.some((r) => r === undefined))
        return undefined
      if (a.elements.some((e) => e.context?.isOptional === true)) return undefined
      const es = elements as Array<Checker>
      const r = rest[0]
      return withChecks(ast, (u) => {
        if (!Array.isArray(u)) return FALLBACK
        if (r === undefined ? u.length !== es.length : u.length < es.length) return FALLBACK
        let out: Array<unknown> | undefined = reuse ? undefined : new Array<unknown>(u.length)
        for (let i = 0; i < u.length; i++) {
          const given: unknown = u[i]
          const v = (i < es.length ? es[i]! : r!)(given)
          if (v === FALLBACK) return FALLBACK
          if (out === undefined && v !== given) out = u.slice(0, i)
          if (out !== undefined) out[i] = v
        }
        return out ?? u
      })
    }
    case "Objects": {
      const o = ast as SchemaAST.Objects
      if (o.indexSignatures.length > 0) return undefined
      const props = o.propertySignatures.map((p) => ({
        name: p.name,
        optional: p.type.context?.isOptional === true,
        check: compileNode(p.type, reuse),
      }))
      if (props.some((p) => p.check === undefined || typeof p.name !== "string")) return undefined
      const position = new Map(props.map((p, i) => [p.name as string, i]))
      const n = props.length
      // The copy of the properties before the i-th, all of them kept as they were.
      const copyBefore = (input: Record<string, unknown>, i: number): Record<string, unknown> => {
        const out: Record<string, unknown> = {}
        for (let j = 0; j < i; j++) {
          const name = props[j]!.name as string
          if (name in input) out[name] = input[name]
        }
        return out
      }
      return withChecks(ast, (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return FALLBACK
        const input = u as Record<string, unknown>
        const plain = Object.getPrototypeOf(input) === Object.prototype
        // JSON.parse makes no symbol keys; on any other record one is an excess field for Effect to report.
        if (!(reuse && plain) && Object.getOwnPropertySymbols(input).length > 0) return FALLBACK
        // The keys, read without making a list of them. Excess keys are errors
        // (onExcessProperty: "error"): let Effect report them. for-in also
        // gives inherited enumerable keys, which Effect reads too when they
        // are fields; any other sends the record to Effect.
        let present = 0
        let inOrder = true
        let next = 0
        for (const k in input) {
          let at = next
          while (at < n && props[at]!.name !== k) at++
          if (at === n) {
            at = position.get(k) ?? -1
            if (at < 0) return FALLBACK
            inOrder = false
          }
          next = at + 1
          present++
        }
        // Reused only while it equals the copy: a plain object, its keys in the schema's order, each value kept.
        let out: Record<string, unknown> | undefined = reuse && plain && inOrder ? undefined : {}
        let seen = 0
        for (let i = 0; i < n; i++) {
          const p = props[i]!
          const name = p.name as string
          const given = input[name]
          // Effect reads a field with `in`, inherited ones too.
          if (given === undefined && !(name in input)) {
            if (p.optional) continue
            return FALLBACK
          }
          const v = p.check!(given)
          if (v === FALLBACK) return FALLBACK
          if (out === undefined && v !== given) out = copyBefore(input, i)
          seen++
          if (out !== undefined) out[name] = v
        }
        // A field seen but not listed (inherited and hidden) is for Effect to read.
        return seen === present ? (out ?? input) : FALLBACK
      })
    }
    default:
      return undefined
  }
}

const caches = {
  copy: new WeakMap<SchemaAST.AST, Checker | null>(),
  reuse: new WeakMap<SchemaAST.AST, Checker | null>(),
}

/**
 * The compiled checker of a schema's AST, or `undefined` when the AST has a
 * node it does not know. With `reuse`, valid input is returned rather than
 * copied where the copy would be equal: only for JSON.parse's output.
 */
export const checkerOf = (ast: SchemaAST.AST, reuse = false): Checker | undefined => {
  const cache = reuse ? caches.reuse : caches.copy
  const cached = cache.get(ast)
  if (cached !== undefined) return cached ?? undefined
  let compiled: Checker | undefined
  try {
    compiled = compileNode(ast, reuse)
  } catch {
    compiled = undefined
  }
  cache.set(ast, compiled ?? null)
  return compiled
}
