/**
 * The explaining evaluator: runs a rule's condition tree over a subject's
 * facts and records every comparison with the values on both sides. It
 * evaluates every condition — as json-rules-engine does when no priorities are
 * set — so the explanation is complete, and gives the same result as the engine.
 *
 * @module
 */
import type { Value } from "./Facts.js"
import { guard } from "./internal/boundary.js"
import {
  type Algebra,
  type Condition,
  type FactRef,
  fold,
  isRef,
  type Leaf,
  type Literal,
  leftRef,
  refsOf,
} from "./internal/condition.js"
import { quote } from "./internal/text.js"
import { type OperatorName, all as operators } from "./Operators.js"
import { RulesError } from "./RulesError.js"

const unknown = (what: { en: string; nb: string }, name: unknown): RulesError => {
  const n = quote(typeof name === "string" ? name : typeof name)
  return new RulesError({ en: `Unknown ${what.en} ${n.en}`, nb: `Ukjent ${what.nb} ${n.nb}` })
}

/**
 * One side of a comparison: a literal from the rule, a fact of the subject,
 * or a parameter in force (with the date its value took effect).
 * @category models
 */
export type Side =
  | { readonly kind: "literal"; readonly value: Literal }
  | {
      readonly kind: "fact"
      readonly fact: string
      readonly value: Value
      readonly parameters?: ReadonlyArray<{ readonly name: string; readonly from: string }>
      /** Every value the fact may have when the subject leaves it open (the age with only a birth year). */
      readonly values?: ReadonlyArray<Value>
    }
  | { readonly kind: "parameter"; readonly name: string; readonly value: Value; readonly from: string }

/**
 * A node of an explanation tree, with its result. `unknown` marks a node
 * whose result depends on a fact the subject leaves open; `result` is then
 * the result with the facts' first possible values.
 * @category models
 */
export type Node =
  | {
      readonly kind: "all" | "any"
      readonly result: boolean
      readonly unknown?: true
      readonly children: ReadonlyArray<Node>
    }
  | { readonly kind: "not"; readonly result: boolean; readonly unknown?: true; readonly child: Node }
  | {
      readonly kind: "comparison"
      readonly result: boolean
      readonly unknown?: true
      readonly left: Side
      readonly operator: OperatorName
      readonly right: Side
    }

/**
 * A parameter's value in force as the evaluator reads it: the parameter's
 * name, and the value with the date it took effect. `InForce.ParameterInForce` fits.
 * @category models
 */
export interface ValueInForce {
  readonly parameter: { readonly name: string }
  readonly entry: { readonly from: string; readonly value: number | string }
}

/**
 * What the evaluator reads: the subject's facts and the parameters in force.
 * @category models
 */
export interface Inputs {
  readonly facts: { readonly [name: string]: Value }
  readonly parameters: ReadonlyMap<string, ValueInForce>
  /** The parameters each derived fact was computed from, to show in explanations. */
  readonly derivedFrom?: ReadonlyMap<string, ReadonlyArray<ValueInForce>>
}

const side = (ref: FactRef, inputs: Inputs): Side => {
  if (ref.fact === "parameter" && ref.params !== undefined) {
    const p = inputs.parameters.get(ref.params.name)
    if (p === undefined) {
      const n = quote(String(ref.params.name))
      throw new RulesError({
        en: `The parameter ${n.en} has no value here`,
        nb: `Parameteren ${n.nb} har ingen verdi her`,
      })
    }
    return { kind: "parameter", name: ref.params.name, value: p.entry.value, from: p.entry.from }
  }
  if (!Object.hasOwn(inputs.facts, ref.fact)) throw unknown({ en: "fact", nb: "faktum" }, ref.fact)
  const from = inputs.derivedFrom?.get(ref.fact)
  const value = inputs.facts[ref.fact] ?? null
  return from === undefined || from.length === 0
    ? { kind: "fact", fact: ref.fact, value }
    : {
        kind: "fact",
        fact: ref.fact,
        value,
        parameters: from.map((p) => ({ name: p.parameter.name, from: p.entry.from })),
      }
}

/**
 * Evaluates a condition tree and returns its explanation. Throws only for a
 * fact, parameter or operator the tree's validation would have rejected.
 * @example
 * const node = Evaluate.condition(version.conditions, { facts, parameters })
 * node.result // true or false
 * @category evaluation
 */
export const condition = guard(
  "Evaluate.condition",
  {
    en: "(condition: Condition, inputs: { facts, parameters, derivedFrom? })",
    nb: "(condition: Condition, inputs: { facts, parameters, derivedFrom? })",
  },
  (c: Condition, inputs: Inputs): Node => evaluate(c, inputs),
)

// json-rules-engine: an empty list passes, whether "all" or "any".
const everyResult = (children: ReadonlyArray<{ readonly result: boolean }>): boolean => {
  for (const n of children) if (!n.result) return false
  return true
}
const someResult = (children: ReadonlyArray<{ readonly result: boolean }>): boolean => {
  for (const n of children) if (n.result) return true
  return children.length === 0
}

const comparison = (c: Leaf, inputs: Inputs): Node => {
  // The operators' own names, as Operators.isOperator, looked up rather than searched for.
  if (typeof c.operator !== "string" || !Object.hasOwn(operators, c.operator))
    throw unknown({ en: "operator", nb: "operator" }, c.operator)
  // A comparison's left-hand side is its own fact and parameter name: no reference need be made.
  const left = side(c, inputs)
  const right: Side = isRef(c.value) ? side(c.value, inputs) : { kind: "literal", value: c.value }
  return {
    kind: "comparison",
    result: operators[c.operator as OperatorName].test(left.value, right.value),
    left,
    operator: c.operator as OperatorName,
    right,
  }
}

const explaining: Algebra<Node, Inputs> = {
  all: (children) => ({ kind: "all", result: everyResult(children), children }),
  any: (children) => ({ kind: "any", result: someResult(children), children }),
  not: (child) => ({ kind: "not", result: !child.result, child }),
  leaf: comparison,
}

const evaluate = (c: Condition, inputs: Inputs): Node => fold(c, explaining, inputs)

/**
 * The facts and parameters a condition tree reads, in first-use order.
 * @example
 * Evaluate.reads(version.conditions) // { facts: ["age"], parameters: ["citizen.minimum-age"] }
 * @category evaluation
 */
export const reads = guard(
  "Evaluate.reads",
  { en: "(condition: Condition)", nb: "(condition: Condition)" },
  (c: Condition): { readonly facts: ReadonlyArray<string>; readonly parameters: ReadonlyArray<string> } => {
    const facts: Array<string> = []
    const parameters: Array<string> = []
    for (const r of refsOf(c)) {
      if (r.fact === "parameter" && r.params !== undefined) {
        if (!parameters.includes(r.params.name)) parameters.push(r.params.name)
      } else if (!facts.includes(r.fact)) facts.push(r.fact)
    }
    return { facts, parameters }
  },
)

// Values alike as JSON. Two texts, booleans or finite numbers are alike only
// when equal, which skips JSON for the usual values.
const plain = (v: Value): boolean =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))
const sameValue = (a: Value, b: Value): boolean =>
  a === b || (!(plain(a) && plain(b)) && JSON.stringify(a) === JSON.stringify(b))

const mergeSide = (sides: ReadonlyArray<Side>): Side => {
  const first = sides[0]!
  if (first.kind !== "fact") return first
  const values: Array<Value> = []
  for (const s of sides) {
    const v = (s as typeof first).value
    if (!values.some((x) => sameValue(x, v))) values.push(v)
  }
  return values.length > 1 ? { ...first, values } : first
}

/**
 * One explanation from the same tree evaluated under several values of open
 * facts: the first tree's results, with `unknown` where the trees differ and
 * each open fact's possible values.
 * @example
 * Evaluate.merge([node17, node18]).unknown // true
 * @category evaluation
 */
export const merge = guard(
  "Evaluate.merge",
  { en: "(nodes: ReadonlyArray<Node>)", nb: "(nodes: ReadonlyArray<Node>)" },
  (nodes: ReadonlyArray<Node>): Node => mergeNodes(nodes),
)

const mergeNodes = (nodes: ReadonlyArray<Node>): Node => {
  const first = nodes[0]!
  if (nodes.length === 1) return first
  const unknown = nodes.some((n) => n.result !== first.result) ? ({ unknown: true } as const) : {}
  if (first.kind === "comparison") {
    const cs = nodes as ReadonlyArray<typeof first>
    return {
      kind: "comparison",
      result: first.result,
      ...unknown,
      left: mergeSide(cs.map((n) => n.left)),
      operator: first.operator,
      right: mergeSide(cs.map((n) => n.right)),
    }
  }
  if (first.kind === "not")
    return {
      kind: "not",
      result: first.result,
      ...unknown,
      child: mergeNodes((nodes as ReadonlyArray<typeof first>).map((n) => n.child)),
    }
  const ls = nodes as ReadonlyArray<typeof first>
  return {
    kind: first.kind,
    result: first.result,
    ...unknown,
    children: first.children.map((_, i) => mergeNodes(ls.map((n) => n.children[i]!))),
  }
}

/**
 * Evaluates a condition tree under several inputs and merges the
 * explanations: exactly `merge(runs.map((r) => condition(c, r)))`, but a
 * comparison that reads the same values in every run is evaluated once.
 * The runs of a subject that leaves an input open differ in a fact or two,
 * so most of the tree is evaluated once instead of once per run.
 * @example
 * const node = Evaluate.conditionOver(version.conditions, [{ facts: f17, parameters }, { facts: f18, parameters }])
 * node.unknown // true where age 17 and 18 answer differently
 * @category evaluation
 */
export const conditionOver = guard(
  "Evaluate.conditionOver",
  {
    en: "(condition: Condition, runs: ReadonlyArray<{ facts, parameters, derivedFrom? }>)",
    nb: "(condition: Condition, runs: ReadonlyArray<{ facts, parameters, derivedFrom? }>)",
  },
  (c: Condition, runs: ReadonlyArray<Inputs>): Node => {
    if (!Array.isArray(runs) || runs.length === 0)
      throw new RulesError({
        en: "Evaluate.conditionOver needs a list of at least one run",
        nb: "Evaluate.conditionOver trenger en liste med minst én kjøring",
      })
    if (runs.length === 1) return evaluate(c, runs[0]!)
    try {
      return fold(c, over, runs).node
    } catch {
      // Comparisons are evaluated here in tree order across the runs, not run
      // after run: the first run to fail may fail at a later comparison, with
      // another error. Evaluating each run in turn throws the error merge's would.
      return mergeNodes(runs.map((r) => evaluate(c, r)))
    }
  },
)

// A merged node, and each run's result when the runs' results may differ (undefined: all are node.result).
interface Over {
  readonly node: Node
  readonly results: ReadonlyArray<boolean> | undefined
}

// Whether every run reads `ref` as the first run does: the same parameters
// and derivations, and the fact its own in each with the same value
// (Object.is: an operator may tell -0 from 0).
const sameIn = (runs: ReadonlyArray<Inputs>, ref: FactRef): boolean => {
  const first = runs[0]!
  const parameter = ref.fact === "parameter" && ref.params !== undefined
  const own = !parameter && Object.hasOwn(first.facts, ref.fact)
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r]!
    if (run.parameters !== first.parameters || run.derivedFrom !== first.derivedFrom) return false
    if (parameter) continue
    if (Object.hasOwn(run.facts, ref.fact) !== own || (own && !Object.is(run.facts[ref.fact], first.facts[ref.fact])))
      return false
  }
  return true
}

// A group's result in each run from its children's, by `passes`, or undefined when no child's differ.
const resultsOf = (
  children: ReadonlyArray<Over>,
  runs: number,
  passes: (children: ReadonlyArray<{ readonly result: boolean }>) => boolean,
): ReadonlyArray<boolean> | undefined => {
  if (children.every((c) => c.results === undefined)) return undefined
  const out: Array<boolean> = []
  for (let r = 0; r < runs; r++)
    out.push(passes(children.map((c) => ({ result: c.results === undefined ? c.node.result : c.results[r]! }))))
  return out
}

// Whether a node's results differ between runs, as `merge` marks it.
const differs = (results: ReadonlyArray<boolean> | undefined): boolean =>
  results?.some((x) => x !== results[0]) === true

const over: Algebra<Over, ReadonlyArray<Inputs>> = {
  all: (children, runs) => group("all", everyResult, children, runs.length),
  any: (children, runs) => group("any", someResult, children, runs.length),
  not: (child) => {
    const results = child.results === undefined ? undefined : child.results.map((x) => !x)
    const node: Node = differs(results)
      ? { kind: "not", result: !child.node.result, unknown: true, child: child.node }
      : { kind: "not", result: !child.node.result, child: child.node }
    return { node, results }
  },
  leaf: (c, runs) => {
    if (sameIn(runs, leftRef(c)) && (!isRef(c.value) || sameIn(runs, c.value)))
      return { node: comparison(c, runs[0]!), results: undefined }
    const nodes: Array<Node> = []
    for (const run of runs) nodes.push(comparison(c, run))
    return { node: mergeNodes(nodes), results: nodes.map((n) => n.result) }
  },
}

const group = (
  kind: "all" | "any",
  passes: (children: ReadonlyArray<{ readonly result: boolean }>) => boolean,
  children: ReadonlyArray<Over>,
  runs: number,
): Over => {
  const nodes = children.map((c) => c.node)
  const results = resultsOf(children, runs, passes)
  const result = passes(nodes)
  const node: Node = differs(results)
    ? { kind, result, unknown: true, children: nodes }
    : { kind, result, children: nodes }
  return { node, results }
}
