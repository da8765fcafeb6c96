// The condition tree — all, any, not and comparisons — and the one fold over
// it. Reading (RuleFile), evaluating (Evaluate), compiling (Compile) and
// listing what a tree reads each supply only what happens at each kind of
// node. This module imports no schema, so the browser's `decide` entry can
// evaluate trees without loading the rule-file decoder.

/** A literal on the right-hand side of a condition. */
export type Literal = string | number | boolean | null | ReadonlyArray<string | number | boolean | null>

/** A reference to another fact, or to a parameter (`{ "fact": "parameter", "params": { "name": "…" } }`). */
export interface FactRef {
  readonly fact: string
  readonly params?: { readonly name: string }
}

/** A comparison: fact, operator, value. */
export interface Leaf {
  readonly fact: string
  readonly operator: string
  readonly value: Literal | FactRef
  readonly params?: { readonly name: string }
}

/** Every condition must hold. */
export interface All {
  readonly all: ReadonlyArray<Condition>
}
/** At least one condition must hold. */
export interface Any {
  readonly any: ReadonlyArray<Condition>
}
/** The condition must not hold. */
export interface Not {
  readonly not: Condition
}

/** A condition tree node. Interfaces, because the tree is recursive. */
export type Condition = All | Any | Not | Leaf

/** A condition tree's root, which json-rules-engine requires to be `all`, `any` or `not`. */
export type TopCondition = All | Any | Not

/** True for `{ "fact": … }` on a condition's right-hand side. */
export const isRef = (v: Literal | FactRef): v is FactRef => typeof v === "object" && v !== null && !Array.isArray(v)

/** The left-hand side of a comparison as a reference: its fact, with the parameter name for "parameter". */
export const leftRef = (c: Leaf): FactRef =>
  c.params === undefined ? { fact: c.fact } : { fact: c.fact, params: c.params }

/**
 * What a fold does at each kind of node, given its children's results and
 * the fold's `context` (what a leaf is evaluated against, say). Passing the
 * context in lets a walker keep one algebra for the module instead of making
 * closures on every call.
 */
export interface Algebra<A, X = undefined> {
  readonly all: (children: Array<A>, context: X) => A
  readonly any: (children: Array<A>, context: X) => A
  readonly not: (child: A, context: X) => A
  readonly leaf: (leaf: Leaf, context: X) => A
}

/** Past `depth`, a fold gives `tooDeep()` instead of visiting the node. */
export interface Limit<A> {
  readonly depth: number
  readonly tooDeep: () => A
}

/**
 * Folds a condition tree bottom-up. With `limit`, a node deeper than
 * `limit.depth` gives `limit.tooDeep()` instead of being visited, so a tree
 * built in code — deep, or cyclic — cannot exhaust the stack.
 */
export const fold = <A, X = undefined>(c: Condition, algebra: Algebra<A, X>, context: X, limit?: Limit<A>): A =>
  go(c, algebra, context, limit, 0)

// One module-level recursive function with plain loops: the evaluator runs
// through here, and a closure made per call was many times slower in V8.
const go = <A, X>(c: Condition, algebra: Algebra<A, X>, context: X, limit: Limit<A> | undefined, depth: number): A => {
  if (limit !== undefined && depth > limit.depth) return limit.tooDeep()
  if ("all" in c) return algebra.all(children(c.all, algebra, context, limit, depth + 1), context)
  if ("any" in c) return algebra.any(children(c.any, algebra, context, limit, depth + 1), context)
  if ("not" in c) return algebra.not(go(c.not, algebra, context, limit, depth + 1), context)
  return algebra.leaf(c, context)
}

const children = <A, X>(
  cs: ReadonlyArray<Condition>,
  algebra: Algebra<A, X>,
  context: X,
  limit: Limit<A> | undefined,
  depth: number,
): Array<A> => {
  const out: Array<A> = new Array(cs.length)
  for (let i = 0; i < cs.length; i++) out[i] = go(cs[i]!, algebra, context, limit, depth)
  return out
}

/** The references a condition tree reads — each comparison's fact, then its right-hand reference — in document order. */
export const refsOf = (c: Condition): Array<FactRef> => fold(c, references, undefined)

const references: Algebra<Array<FactRef>> = {
  all: (xs) => xs.flat(),
  any: (xs) => xs.flat(),
  not: (x) => x,
  leaf: (l) => (isRef(l.value) ? [leftRef(l), l.value] : [leftRef(l)]),
}
