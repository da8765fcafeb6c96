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
import { type Algebra, fold, type Leaf } from "./internal/condition.js"
import { build, type Checks, generate, type Operand, sides } from "./internal/generate.js"
import { isNumeric as numeric } from "./internal/numeric.js"
import { agree, touches, variants } from "./internal/open.js"
import { all as operators } from "./Operators.js"
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

// Facts from the catalogue; a name it does not know is a CompileError.
const checks: Checks = { isFact, error: (text) => new CompileError(text) }

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
    const [left, op, right] = sides(set, c, checks)
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
    const generated = generate(set, checks)
    return { ids, mode: "source", run: build(generated), source: generated.source }
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
      /** The facts each rule's appliesWhen reads. */
      readonly scopes: ReadonlyArray<ReadonlySet<string>>
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
        const scopes = set.rules.map((r) => new Set(r.appliesWhen === undefined ? [] : reads(r.appliesWhen).facts))
        entry = { set, program, out: new Uint8Array(program.ids.length), reads: read, outs: [], perRule, scopes }
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
            entry.scopes,
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
