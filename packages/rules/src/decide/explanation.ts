// A decision's explanation, built when it is first read. Deciding needs only
// the outcome; the explanation tree of every condition, with the values on
// both sides, costs several times more and is often never looked at. It is
// still an own, enumerable property, so JSON.stringify, structuredClone, a
// spread and deep equality see it as before; reading it twice gives the
// same object, and assigning it replaces it as with any plain property.
// The evaluator's functions are guarded, so an error while building (only a
// tree validation rejects can cause one) is as typed as it was when decisions
// were built at once.
import { condition, conditionOver, type Node, type ValueInForce } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import type { Open } from "../internal/open.js"
import { variants } from "../internal/open.js"
import type { Conditions } from "./plan.js"

/** The explanation trees of a decision. */
export interface Explanation {
  readonly appliesWhen?: Node
  readonly conditions: Node
}

/** What every decision of one subject on one date is explained from: its facts, the open inputs and the parameters. */
export interface Basis {
  readonly facts: { readonly [fact: string]: Value }
  readonly open: ReadonlyArray<Open>
  readonly parameters: ReadonlyMap<string, ValueInForce>
  readonly derivedFrom: ReadonlyMap<string, ReadonlyArray<ValueInForce>>
}

/** One decision's explanation: pending until the first read, then what was built. One object per decision keeps stamping cheap. */
class State {
  constructor(
    readonly version: Conditions,
    /** The open inputs (by index into the subject's) whose every combination the explanation runs over. */
    readonly relevant: ReadonlyArray<number>,
    readonly basis: Basis,
  ) {}
  built: Explanation | undefined = undefined
}

// A basis is itself the evaluator's inputs: its facts, parameters and what each derived fact came from.
// With open inputs, the tree is evaluated under each combination and merged;
// conditionOver evaluates once each comparison that reads none of them.
const trees = (c: Conditions["conditions"], s: Basis, runs: ReadonlyArray<{ readonly facts: Basis["facts"] }>) => {
  if (runs.length === 1) return condition(c, s)
  return conditionOver(
    c,
    runs.map(({ facts }) => ({ facts, parameters: s.parameters, derivedFrom: s.derivedFrom })),
  )
}

const explain = (state: State): Explanation => {
  const { version, relevant, basis } = state
  const when = version.appliesWhen
  // With no open input there is one run, over the facts themselves.
  const runs =
    relevant.length === 0
      ? [basis]
      : variants(
          basis.facts,
          relevant.map((j) => basis.open[j]!),
        )
  const conditions = trees(version.conditions, basis, runs)
  return when === undefined ? { conditions } : { appliesWhen: trees(when, basis, runs), conditions }
}

// The state lives in a private field, which keeps a decision a plain object
// (its prototype is Object.prototype) with no extra key. A base class whose
// constructor returns its argument is the one way to give a private field to
// an object made elsewhere; it is also several times faster than a WeakMap.
class Adopt {
  constructor(o: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the argument is what lets Lazy stamp a private field on it.
    return o
  }
}

class Lazy extends Adopt {
  #state: State

  constructor(o: object, state: State) {
    super(o)
    this.#state = state
  }

  static read(o: object): Explanation {
    const state = (o as Lazy).#state
    if (state.built === undefined) state.built = explain(state)
    return state.built
  }
}

// One getter and setter for every decision, so all decisions keep one shape.
// An own accessor is what keeps the explanation in JSON, copies and spreads;
// defining it is most of what an unread explanation costs.
const accessor: PropertyDescriptor = {
  get(this: object) {
    return Lazy.read(this)
  },
  set(this: object, value: unknown) {
    Object.defineProperty(this, "explanation", { value, writable: true, enumerable: true, configurable: true })
  },
  enumerable: true,
  configurable: true,
}

/**
 * Adds `explanation` to `decision` as a property built on first read from
 * `version` over `basis`, run with every combination of the open inputs
 * `relevant` names.
 */
export const explainLater = <D extends object>(
  decision: D,
  version: Conditions,
  relevant: ReadonlyArray<number>,
  basis: Basis,
): D & { readonly explanation: Explanation } => {
  new Lazy(decision, new State(version, relevant, basis))
  Object.defineProperty(decision, "explanation", accessor)
  return decision as D & { readonly explanation: Explanation }
}
