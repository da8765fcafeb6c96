/**
 * The compiled fast path for batches: a rule set becomes one plain,
 * synchronous function that writes an outcome code per rule. It agrees with
 * json-rules-engine on every outcome (a differential property test holds it
 * to that) and runs close to hand-written speed.
 *
 * Two back ends: `source` generates JavaScript and builds it with
 * `new Function` — every value from a rule file enters the source only as a
 * JSON literal, and every fact and parameter name is checked against the
 * catalogues first; `closures` builds a tree of closures, for pages whose
 * Content-Security-Policy forbids eval. `auto` picks `source` when allowed.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { reads } from "./Evaluate.js"
import { isFact } from "./Facts.js"
import { type InForce, on, type RuleInForce, type RuleSet, ruleSetOn } from "./InForce.js"
import { type BatchPlan, planBatch, runBatch } from "./internal/batch.js"
import { guard, requireArray, requireDate, requireTree } from "./internal/boundary.js"
import { type Algebra, type FactRef, fold, isRef, type Leaf, type Literal, leftRef } from "./internal/condition.js"
import { isNumeric as numeric } from "./internal/numeric.js"
import { agree, touches, variants } from "./internal/open.js"
import { quote } from "./internal/text.js"
import { isOperator, type OperatorName, all as operators } from "./Operators.js"
import { type Outcome, unknown as unknownOutcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import { RulesError } from "./RulesError.js"
import type { Subject } from "./Subject.js"
import { of as factsOf } from "./SubjectFacts.js"

/**
 * An outcome code: 0 the rule does not apply, 1 its conditions held (event),
 * 2 they did not (otherwise).
 * @category models
 */
export type Code = 0 | 1 | 2

/**
 * A compiled rule set.
 * @category models
 */
export interface Program {
  readonly ids: ReadonlyArray<string>
  readonly mode: "source" | "closures"
  /** Writes one code per rule, in `ids` order, into `out` from index `at` (0 when left out). Reuse `out` across subjects. */
  readonly run: (facts: { readonly [name: string]: unknown }, out: Uint8Array, at?: number) => void
  /** The generated JavaScript (mode `source` only), for review. */
  readonly source?: string
}

/**
 * Thrown when a rule set names something the catalogues do not know; the
 * compiler refuses rather than put an unchecked name into code.
 * @example
 * try { Compile.compile(set) } catch (e) { if (e instanceof Compile.CompileError) console.error(e.text.nb) }
 * @category models
 */
export class CompileError extends RulesError {
  override readonly name: string = "CompileError"
  constructor(text: Bilingual) {
    super(text)
  }
}

// Names that enter generated source must be plain identifiers as well as
// catalogue entries, so no name can close a string or a statement.
const identifier = /^[A-Za-z][A-Za-z0-9]*$/u

// A name in an error is quoted, cut and redacted like any user text.
const named = (s: unknown): { en: string; nb: string } => quote(typeof s === "string" ? s : String(typeof s))

const checkFact = (name: string): string => {
  if (typeof name !== "string" || !isFact(name) || name === "parameter" || !identifier.test(name)) {
    const n = named(name)
    throw new CompileError({ en: `Unknown fact ${n.en}`, nb: `Ukjent faktum ${n.nb}` })
  }
  return name
}

const parameterValue = (set: RuleSet, ref: FactRef): unknown => {
  const name = ref.params?.name
  if (typeof name !== "string" || !set.parameters.has(name)) {
    const n = named(name ?? "")
    throw new CompileError({ en: `Unknown parameter ${n.en}`, nb: `Ukjent parameter ${n.nb}` })
  }
  return set.parameters.get(name)
}

const checkOperator = (name: string): OperatorName => {
  if (typeof name !== "string" || !isOperator(name)) {
    const n = named(name)
    throw new CompileError({ en: `Unknown operator ${n.en}`, nb: `Ukjent operator ${n.nb}` })
  }
  return name
}

/** A side of a comparison before code generation: a fact read, or a constant. */
type Operand = { readonly kind: "fact"; readonly name: string } | { readonly kind: "constant"; readonly value: unknown }

const operand = (set: RuleSet, ref: FactRef | undefined, literal: Literal): Operand => {
  if (ref === undefined) return { kind: "constant", value: literal }
  if (ref.fact === "parameter") return { kind: "constant", value: parameterValue(set, ref) }
  return { kind: "fact", name: checkFact(ref.fact) }
}

const sides = (set: RuleSet, c: Leaf): [Operand, OperatorName, Operand] => [
  operand(set, leftRef(c), null),
  checkOperator(c.operator),
  isRef(c.value) ? operand(set, c.value, null) : operand(set, undefined, c.value),
]

// ---------------------------------------------------------------------------
// Source back end
// ---------------------------------------------------------------------------

const spellableScalar = (v: unknown): boolean =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))

const denseScalars = (v: ReadonlyArray<unknown>): boolean => {
  for (let i = 0; i < v.length; i++) if (!Object.hasOwn(v, i) || !spellableScalar(v[i])) return false
  return true
}

// Characters of rule code per generated function: well within the bytecode V8
// still optimises (about 60 KB), and large enough that a policy of a few
// dozen rules is one function.
const sourcePerFunction = 8_000

const generate = (set: RuleSet): { readonly source: string; readonly external: ReadonlyArray<unknown> } => {
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
    const [left, op, right] = sides(set, c)
    const l = read(left)
    const r = read(right)
    switch (op) {
      case "equal":
        return `(${l} === ${r})`
      case "notEqual":
        return `(${l} !== ${r})`
      case "in":
      case "notIn": {
        // A literal list is unrolled: indexOf compares with ===, as this does.
        if (right.kind === "constant" && Array.isArray(right.value) && right.value.length <= 8) {
          const items = right.value.map((x) => json(x))
          if (items.length === 0) return op === "in" ? "false" : "true"
          return op === "in"
            ? `(${items.map((x) => `${l} === ${x}`).join(" || ")})`
            : `(${items.map((x) => `${l} !== ${x}`).join(" && ")})`
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
  const groups: Array<string> = []
  let body: Array<string> = []
  let size = 0
  const close = () => {
    if (body.length === 0) return
    const reads = [...locals].map(([name, local]) => `  const ${local} = f.${name};`)
    groups.push([`function g${groups.length}(f, o, a) {`, ...reads, ...body, "}"].join("\n"))
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
  const source = [
    '"use strict";',
    'const N = (x) => x !== null && x !== undefined && typeof x !== "boolean" && Number.parseFloat(x).toString() !== "NaN";',
    ...constants,
    ...groups,
    "return function run(f, o, at) {",
    "  const a = at === undefined ? 0 : at;",
    ...groups.map((_, g) => `  g${g}(f, o, a);`),
    "};",
  ].join("\n")
  return { source, external }
}

// ---------------------------------------------------------------------------
// Closure back end
// ---------------------------------------------------------------------------

type Facts = { readonly [name: string]: unknown }
type Test = (f: Facts) => boolean

const getter = (o: Operand): ((f: Facts) => unknown) => {
  if (o.kind === "constant") {
    const v = o.value
    return () => v
  }
  const name = o.name
  return (f) => f[name]
}

// The engine's numeric guard, with the fast answer for numbers (not NaN).
const numericGuard = (a: unknown): boolean => (typeof a === "number" ? !Number.isNaN(a) : numeric(a))

const closureLeaf =
  (set: RuleSet) =>
  (c: Leaf): Test => {
    const [left, op, right] = sides(set, c)
    const l = getter(left)
    const constant = right.kind === "constant"
    const rv = constant ? right.value : undefined
    const r = getter(right)
    // Each operator gets its own closure, so the hot path makes no generic call.
    switch (op) {
      case "equal":
        return constant ? (f) => l(f) === rv : (f) => l(f) === r(f)
      case "notEqual":
        return constant ? (f) => l(f) !== rv : (f) => l(f) !== r(f)
      case "lessThan":
        return constant
          ? (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) < (rv as number)
            }
          : (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) < (r(f) as number)
            }
      case "lessThanInclusive":
        return constant
          ? (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) <= (rv as number)
            }
          : (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) <= (r(f) as number)
            }
      case "greaterThan":
        return constant
          ? (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) > (rv as number)
            }
          : (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) > (r(f) as number)
            }
      case "greaterThanInclusive":
        return constant
          ? (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) >= (rv as number)
            }
          : (f) => {
              const a = l(f)
              return numericGuard(a) && (a as number) >= (r(f) as number)
            }
      default: {
        const test = operators[op].test
        return constant ? (f) => test(l(f), rv) : (f) => test(l(f), r(f))
      }
    }
  }

const closureAll = (xs: Array<Test>): Test => {
  if (xs.length === 0) return () => true
  if (xs.length === 1) return xs[0]!
  return (f) => {
    for (const x of xs) if (!x(f)) return false
    return true
  }
}

const closureAny = (xs: Array<Test>): Test => {
  if (xs.length === 0) return () => true
  if (xs.length === 1) return xs[0]!
  return (f) => {
    for (const x of xs) if (x(f)) return true
    return false
  }
}

const closureNot =
  (x: Test): Test =>
  (f) =>
    !x(f)

const closures = (set: RuleSet): Program["run"] => {
  const test: Algebra<Test> = { all: closureAll, any: closureAny, not: closureNot, leaf: closureLeaf(set) }
  const rules = set.rules.map((r) => ({
    scope: r.appliesWhen === undefined ? undefined : fold(r.appliesWhen, test, undefined),
    test: fold(r.conditions, test, undefined),
  }))
  return (f, o, at = 0) => {
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!
      o[at + i] = r.scope === undefined || r.scope(f) ? (r.test(f) ? 1 : 2) : 0
    }
  }
}

let evalAllowed: boolean | undefined

/**
 * True when this page or process may build functions from source; false
 * under a Content-Security-Policy without 'unsafe-eval'.
 * @example
 * Compile.canGenerate() // true in Node
 * @category predicates
 */
export const canGenerate = guard("Compile.canGenerate", { en: "()", nb: "()" }, (): boolean => {
  if (evalAllowed === undefined) {
    try {
      evalAllowed = new Function("return 1")() === 1
    } catch {
      evalAllowed = false
    }
  }
  return evalAllowed
})

/**
 * Compiles a rule set. Throws {@link CompileError} for an unknown fact,
 * operator or parameter.
 * @example
 * const program = Compile.compile(InForce.ruleSetOn(tree, "2024-06-01"))
 * const out = new Uint8Array(program.ids.length)
 * program.run(SubjectFacts.of(subject, "2024-06-01", now).facts, out)
 * @category evaluation
 */
export const compile = guard(
  "Compile.compile",
  {
    en: '(set: RuleSet, options?: { mode?: "source" | "closures" | "auto" })',
    nb: '(set: RuleSet, options?: { mode?: "source" | "closures" | "auto" })',
  },
  (set: RuleSet, options: { readonly mode?: "source" | "closures" | "auto" } = {}): Program => {
    const ids = set.rules.map((r) => r.id)
    const mode = options.mode ?? "auto"
    if (mode === "closures" || (mode === "auto" && !canGenerate())) return { ids, mode: "closures", run: closures(set) }
    const { source, external } = generate(set)
    const run = new Function("K", source)(external) as Program["run"]
    return { ids, mode: "source", run, source }
  },
)

/**
 * A rule's outcome on the fast path, without an explanation.
 * @category models
 */
export interface FastOutcome {
  readonly rule: string
  readonly version: number
  /** The event or otherwise outcome, `unknown` when it depends on an input the subject left open, or undefined when the rule does not apply. */
  readonly outcome?: Outcome
}

/**
 * Outcome codes of many subjects on one date, from {@link TreeProgram}'s `codes`.
 * @category models
 */
export interface Codes {
  /** The rules in force on the date, in order: the columns of each row. */
  readonly ids: ReadonlyArray<string>
  /** The version of each rule in force. */
  readonly versions: ReadonlyArray<number>
  /**
   * One row of `ids.length` codes per subject, in the subjects' order: 0 the
   * rule does not apply, 1 its conditions held (event), 2 they did not
   * (otherwise), 3 unknown (the answer depends on an input the subject left open).
   */
  readonly codes: Uint8Array
}

/**
 * A compiled evaluator for a whole tree: one program per period between
 * policy changes, built when first needed.
 * @category models
 */
export interface TreeProgram {
  readonly outcomes: (subject: Subject, date: string) => ReadonlyArray<FastOutcome>
  /**
   * Every subject's outcome codes on `date`, in one typed array: the fast
   * path for batches, with the same outcomes as `outcomes` and `Decision.decide`.
   */
  readonly codes: (subjects: ReadonlyArray<Subject>, date: string) => Codes
}

/**
 * Compiles a tree for batch evaluation over many dates: `outcomes` for one
 * subject, `codes` for a list of subjects on one date.
 * @example
 * const fast = Compile.forTree(tree)
 * fast.outcomes(subject, "2024-06-01").filter((o) => o.outcome?.type === "ends")
 * const { ids, codes } = fast.codes(subjects, "2024-06-01")
 * codes[3 * ids.length + ids.indexOf("eligibility/adults-only")] // the fourth subject's code: 0, 1, 2 or 3
 * @category evaluation
 */
export const forTree = guard(
  "Compile.forTree",
  {
    en: '(tree: Tree, options?: { mode?: "source" | "closures" | "auto" })',
    nb: '(tree: Tree, options?: { mode?: "source" | "closures" | "auto" })',
  },
  (tree: Tree, options: { readonly mode?: "source" | "closures" | "auto" } = {}): TreeProgram => {
    requireTree("Compile.forTree", tree)
    interface Entry {
      readonly set: RuleSet
      readonly program: Program
      readonly out: Uint8Array
      readonly reads: ReadonlySet<string>
      readonly outs: Array<Uint8Array>
      readonly perRule: ReadonlyArray<ReadonlySet<string>>
      batch?: BatchPlan
    }
    const programs = new Map<InForce, Entry>()
    const entryOf = (now: InForce, date: string): Entry => {
      let entry = programs.get(now)
      if (entry === undefined) {
        const set = ruleSetOn(tree, date)
        const program = compile(set, options)
        const perRule = set.rules.map(
          (r) => new Set([r.appliesWhen, r.conditions].flatMap((c) => (c === undefined ? [] : reads(c).facts))),
        )
        // The facts any rule reads: an open input no rule reads changes nothing.
        const read = new Set(perRule.flatMap((r) => [...r]))
        entry = { set, program, out: new Uint8Array(program.ids.length), reads: read, outs: [], perRule }
        programs.set(now, entry)
      }
      return entry
    }
    return {
      codes: guard(
        "TreeProgram.codes",
        {
          en: "(subjects: ReadonlyArray<Subject>, date: YYYY-MM-DD)",
          nb: "(subjects: ReadonlyArray<Subject>, date: ÅÅÅÅ-MM-DD)",
        },
        (subjects: ReadonlyArray<Subject>, date: string): Codes => {
          requireArray("TreeProgram.codes", "subjects", subjects)
          requireDate("TreeProgram.codes", "date", date)
          const now = on(tree, date)
          const entry = entryOf(now, date)
          const { set, program } = entry
          entry.batch ??= planBatch(
            entry.perRule,
            program.run,
            (indices) => compile({ rules: indices.map((i) => set.rules[i]!), parameters: set.parameters }, options).run,
          )
          return {
            ids: program.ids,
            versions: now.rules.map((r) => r.version.number),
            codes: runBatch(entry.batch, now, subjects, date),
          }
        },
      ),
      outcomes: guard(
        "TreeProgram.outcomes",
        { en: "(subject: Subject, date: YYYY-MM-DD)", nb: "(subject: Subject, date: ÅÅÅÅ-MM-DD)" },
        (subject: Subject, date: string): ReadonlyArray<FastOutcome> => {
          requireDate("TreeProgram.outcomes", "date", date)
          const now = on(tree, date)
          const entry = entryOf(now, date)
          const derived = factsOf(subject, date, now)
          const e = entry
          const open = derived.open.filter((o) => touches(o, e.reads))
          const toOutcome = (code: number | undefined, version: RuleInForce["version"]): Outcome | undefined =>
            code === 1 ? version.event : code === 2 ? version.otherwise : undefined
          if (open.length === 0) {
            entry.program.run(derived.facts, entry.out)
            const out = entry.out
            return now.rules.map(({ rule, version }, i) => {
              const outcome = toOutcome(out[i], version)
              return outcome === undefined
                ? { rule: rule.id, version: version.number }
                : { rule: rule.id, version: version.number, outcome }
            })
          }
          // Facts the subject leaves open: run every combination; a rule they answer differently is unknown.
          const all = variants(derived.facts, open)
          const runs = all.map((v, k) => {
            let out = e.outs[k]
            if (out === undefined) {
              out = new Uint8Array(e.program.ids.length)
              e.outs[k] = out
            }
            e.program.run(v.facts, out)
            return out
          })
          return now.rules.map(({ rule, version }, i) => {
            const agreed = agree(
              runs.map((r) => r[i]),
              open,
              (a, b) => a === b,
            )
            const outcome = agreed.same ? toOutcome(agreed.value, version) : unknownOutcome(agreed.missing)
            return outcome === undefined
              ? { rule: rule.id, version: version.number }
              : { rule: rule.id, version: version.number, outcome }
          })
        },
      ),
    }
  },
)
