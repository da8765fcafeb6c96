// The compiled path's code generator, shared by `Compile` and by decisions'
// plan: a rule set becomes JavaScript source that writes one outcome code
// per rule. Every value from a rule file enters the source only as a JSON
// literal (or by reference), and every fact and parameter name is checked
// first: a fact must be known to the caller's `isFact` and a plain
// identifier. This module imports no schema, so the browser's `decide`
// entry can use it.
import type { Bilingual } from "@aktivitetsmodell/core"
import { isOperator, type OperatorName } from "../Operators.js"
import {
  type Algebra,
  type Condition,
  type FactRef,
  fold,
  isRef,
  type Leaf,
  type Literal,
  leftRef,
} from "./condition.js"
import { isNumeric as numeric } from "./numeric.js"
import { quote } from "./text.js"

/** The rules and parameter values a program is generated from. `RuleSet` fits. */
export interface Rules {
  readonly rules: ReadonlyArray<{ readonly appliesWhen?: Condition | undefined; readonly conditions: Condition }>
  readonly parameters: ReadonlyMap<string, unknown>
}

/** What the caller knows: which facts exist, and the error to throw for a name it does not. */
export interface Checks {
  readonly isFact: (name: string) => boolean
  readonly error: (text: Bilingual) => Error
}

/** A program: writes one code per rule, in order, into `out` from index `at` (0 when left out). */
export type Run = (facts: { readonly [name: string]: unknown }, out: Uint8Array, at?: number) => void

// Names that enter generated source must be plain identifiers as well as
// catalogue entries, so no name can close a string or a statement.
const identifier = /^[A-Za-z][A-Za-z0-9]*$/u

// A name in an error is quoted, cut and redacted like any user text.
const named = (s: unknown): { en: string; nb: string } => quote(typeof s === "string" ? s : String(typeof s))

const checkFact = (name: string, checks: Checks): string => {
  if (typeof name !== "string" || !checks.isFact(name) || name === "parameter" || !identifier.test(name)) {
    const n = named(name)
    throw checks.error({ en: `Unknown fact ${n.en}`, nb: `Ukjent faktum ${n.nb}` })
  }
  return name
}

const parameterValue = (set: Rules, ref: FactRef, checks: Checks): unknown => {
  const name = ref.params?.name
  if (typeof name !== "string" || !set.parameters.has(name)) {
    const n = named(name ?? "")
    throw checks.error({ en: `Unknown parameter ${n.en}`, nb: `Ukjent parameter ${n.nb}` })
  }
  return set.parameters.get(name)
}

const checkOperator = (name: string, checks: Checks): OperatorName => {
  if (typeof name !== "string" || !isOperator(name)) {
    const n = named(name)
    throw checks.error({ en: `Unknown operator ${n.en}`, nb: `Ukjent operator ${n.nb}` })
  }
  return name
}

/** A side of a comparison before code generation: a fact read, or a constant. */
export type Operand =
  | { readonly kind: "fact"; readonly name: string }
  | { readonly kind: "constant"; readonly value: unknown }

const operand = (set: Rules, ref: FactRef | undefined, literal: Literal, checks: Checks): Operand => {
  if (ref === undefined) return { kind: "constant", value: literal }
  if (ref.fact === "parameter") return { kind: "constant", value: parameterValue(set, ref, checks) }
  return { kind: "fact", name: checkFact(ref.fact, checks) }
}

/** A comparison's left side, operator and right side, every name checked. */
export const sides = (set: Rules, c: Leaf, checks: Checks): [Operand, OperatorName, Operand] => [
  operand(set, leftRef(c), null, checks),
  checkOperator(c.operator, checks),
  isRef(c.value) ? operand(set, c.value, null, checks) : operand(set, undefined, c.value, checks),
]

const spellableScalar = (v: unknown): boolean =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))

const denseScalars = (v: ReadonlyArray<unknown>): boolean => {
  for (let i = 0; i < v.length; i++) if (!Object.hasOwn(v, i) || !spellableScalar(v[i])) return false
  return true
}

/**
 * Characters of rule code per generated function. V8's optimising compiler
 * gives up on a function of more than 60 KB of bytecode; rule code comes to
 * about 0.6 bytes of bytecode per character, so 40,000 characters stays well
 * clear of that. Smaller functions cost more per rule (each reads its facts
 * again, and each is deoptimised and optimised again on its own when a rare
 * branch first runs): 2,800 rules in functions of 8,000 characters took
 * about half as long again per rule as in functions of 40,000 (ruleCount
 * bench). A policy of a few hundred rules is one function.
 */
export const sourcePerFunction = 40_000

// `a === b`, where a fact is compared with a text or a number: the fact's
// type is tested first, so V8 sees only that type at the === and compares
// with a fast, type-specific check instead of its generic one (facts are
// often null where a text or number would be). The answer is the same: a
// value of another type is never === the constant.
const same = (left: Operand, l: string, right: Operand, r: string): string => {
  const type = (o: Operand) =>
    o.kind === "constant" && (typeof o.value === "string" || typeof o.value === "number") ? typeof o.value : undefined
  const known = type(right) ?? type(left)
  const fact = type(right) === undefined ? r : l
  if (known === undefined || (left.kind === "constant" && right.kind === "constant")) return `(${l} === ${r})`
  return `(typeof ${fact} === "${known}" && ${l} === ${r})`
}

/** The source of a function `run(facts, out, at)`, and the values it reads by reference (as `K`). */
export const generate = (
  set: Rules,
  checks: Checks,
): { readonly source: string; readonly external: ReadonlyArray<unknown> } => {
  const constants: Array<string> = []
  // Only a text, a finite number, true/false, null and a dense list of those
  // enter the source, as JSON literals. Anything else a RuleSet built in code
  // may hold — Infinity, NaN, undefined, an object (whose "__proto__" key a
  // JavaScript object literal would read as a prototype), a nested or sparse
  // list — reaches the function by reference, never as text.
  const external: Array<unknown> = []
  const locals = new Map<string, string>()
  const spellable = (v: unknown): boolean => (Array.isArray(v) ? denseScalars(v) : spellableScalar(v))
  const json = (v: unknown): string => {
    if (!spellable(v)) {
      external.push(v)
      return `K[${external.length - 1}]`
    }
    // Every rule-file value enters the source as a JSON literal; lists are
    // hoisted so they are built once. JSON text is valid JavaScript (ES2019).
    const text = JSON.stringify(v)
    if (!Array.isArray(v)) return text
    constants.push(`const k${constants.length} = ${text};`)
    return `k${constants.length - 1}`
  }
  const read = (o: Operand): string => {
    if (o.kind === "constant") return json(o.value)
    let local = locals.get(o.name)
    if (local === undefined) {
      local = `v${locals.size}`
      locals.set(o.name, local)
    }
    return local
  }
  // A literal such as 0 must be parenthesised before ".indexOf".
  const call = (e: string) => (/^[A-Za-z_$][\w$]*$/u.test(e) ? e : `(${e})`)
  const leaf = (c: Leaf): string => {
    const [left, op, right] = sides(set, c, checks)
    const l = read(left)
    const r = read(right)
    switch (op) {
      case "equal":
        return `(${same(left, l, right, r)})`
      case "notEqual":
        return `(!${same(left, l, right, r)})`
      case "in":
      case "notIn": {
        // A literal list is unrolled: indexOf compares with ===, as this does.
        if (right.kind === "constant" && Array.isArray(right.value) && right.value.length <= 8) {
          const items = right.value.map((x) => same(left, l, { kind: "constant", value: x }, json(x)))
          if (items.length === 0) return op === "in" ? "false" : "true"
          return op === "in" ? `(${items.join(" || ")})` : `!(${items.join(" || ")})`
        }
        return op === "in" ? `(${call(r)}.indexOf(${l}) > -1)` : `(${call(r)}.indexOf(${l}) === -1)`
      }
      case "contains":
        return `(Array.isArray(${l}) && ${call(l)}.indexOf(${r}) > -1)`
      case "doesNotContain":
        return `(Array.isArray(${l}) && ${call(l)}.indexOf(${r}) === -1)`
      default: {
        const sign = { lessThan: "<", lessThanInclusive: "<=", greaterThan: ">", greaterThanInclusive: ">=" }[op]
        // The engine's guard, numeric(fact), decided at compile time for a
        // constant; for a number it is "not NaN", which x === x tests fast.
        if (left.kind === "constant") return numeric(left.value) ? `(${l} ${sign} ${r})` : "false"
        return `(typeof ${l} === "number" ? (${l} === ${l} && ${l} ${sign} ${r}) : (N(${l}) && ${l} ${sign} ${r}))`
      }
    }
  }
  // json-rules-engine: an empty all/any passes; one condition is itself.
  const join = (op: string) => (xs: Array<string>) =>
    xs.length === 0 ? "true" : xs.length === 1 ? xs[0]! : `(${xs.join(` ${op} `)})`
  const expression: Algebra<string> = { all: join("&&"), any: join("||"), not: (x) => `!${x}`, leaf }
  // Rules go into functions of at most `sourcePerFunction` characters, each
  // reading only its own facts: V8 stops optimising a function whose bytecode
  // grows past a limit, so one function for thousands of rules would run many
  // times slower per rule.
  const groups: Array<ReadonlyArray<string>> = []
  let body: Array<string> = []
  let size = 0
  const close = () => {
    if (body.length === 0) return
    groups.push([...[...locals].map(([name, local]) => `  const ${local} = f.${name};`), ...body])
    locals.clear()
    body = []
    size = 0
  }
  set.rules.forEach((r, i) => {
    const test = fold(r.conditions, expression, undefined)
    const text =
      r.appliesWhen === undefined
        ? `  o[a + ${i}] = ${test} ? 1 : 2;`
        : `  o[a + ${i}] = ${fold(r.appliesWhen, expression, undefined)} ? (${test} ? 1 : 2) : 0;`
    body.push(text)
    size += text.length
    if (size >= sourcePerFunction) close()
  })
  close()
  // A rule set that fits one function is written into `run` itself, which saves a call per subject.
  const single = groups.length === 1
  const source = [
    '"use strict";',
    'const N = (x) => x !== null && x !== undefined && typeof x !== "boolean" && Number.parseFloat(x).toString() !== "NaN";',
    ...constants,
    ...(single ? [] : groups.map((lines, g) => [`function g${g}(f, o, a) {`, ...lines, "}"].join("\n"))),
    "return function run(f, o, at) {",
    "  const a = at === undefined ? 0 : at;",
    ...(single ? groups[0]! : groups.map((_, g) => `  g${g}(f, o, a);`)),
    "};",
  ].join("\n")
  return { source, external }
}

/** Builds the function `generate` wrote; throws where a Content-Security-Policy forbids eval. */
export const build = (generated: { readonly source: string; readonly external: ReadonlyArray<unknown> }): Run =>
  new Function("K", generated.source)(generated.external) as Run

/**
 * One function per list of fact names that copies those facts into a new
 * object literal, in order, null for a value that is undefined: a literal
 * gets its layout at once, where keys added one by one would not. Every
 * name is checked as a fact read by a rule is.
 */
export const copiers = (
  lists: ReadonlyArray<ReadonlyArray<string>>,
  checks: Checks,
): ReadonlyArray<(facts: { readonly [name: string]: unknown }) => { [name: string]: unknown }> => {
  const functions = lists.map((names) => {
    const fields = names.map((name) => {
      const n = checkFact(name, checks)
      return `${n}: f.${n} ?? null`
    })
    return `(f) => ({ ${fields.join(", ")} })`
  })
  return new Function(`"use strict";\nreturn [\n${functions.join(",\n")}\n];`)() as ReturnType<typeof copiers>
}
