// A decision's explanation, built when it is first read. Deciding needs only
// the outcome; the explanation tree of every condition, with the values on
// both sides, costs several times more and is often never looked at. It is
// still an own, enumerable property, so JSON.stringify, structuredClone, a
// spread and deep equality see it as before; reading it twice gives the
// same object, and assigning it replaces it as with any plain property.
// The evaluator's functions are guarded, so an error while building (only a
// tree validation rejects can cause one) is as typed as it was when decisions
// were built at once.
import { condition, merge, type Node, type ValueInForce } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { type Open, type Variant, variants } from "../internal/open.js"
import type { Conditions } from "./plan.js"

/** The explanation trees of a decision. */
export interface Explanation {
  readonly appliesWhen?: Node
  readonly conditions: Node
}

/** What an explanation is built from: the version, the facts, and the open inputs whose every combination it was run with. */
export interface Pending {
  readonly version: Conditions
  readonly facts: { readonly [fact: string]: Value }
  readonly opens: ReadonlyArray<Open>
  readonly parameters: ReadonlyMap<string, ValueInForce>
  readonly derivedFrom: ReadonlyMap<string, ReadonlyArray<ValueInForce>>
}

const trees = (c: Conditions["conditions"], p: Pending, runs: ReadonlyArray<Variant>): Node => {
  const nodes: Array<Node> = []
  for (const { facts } of runs)
    nodes.push(condition(c, { facts, parameters: p.parameters, derivedFrom: p.derivedFrom }))
  return merge(nodes)
}

const explain = (p: Pending): Explanation => {
  const when = p.version.appliesWhen
  const runs = variants(p.facts, p.opens)
  const conditions = trees(p.version.conditions, p, runs)
  return when === undefined ? { conditions } : { appliesWhen: trees(when, p, runs), conditions }
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

/** What is pending until the first read, then what was built from it. One field keeps stamping cheap. */
interface State {
  pending: Pending | undefined
  built: Explanation | undefined
}

class Lazy extends Adopt {
  #state: State

  constructor(o: object, state: State) {
    super(o)
    this.#state = state
  }

  static read(o: object): Explanation {
    const state = (o as Lazy).#state
    if (state.built === undefined) {
      state.built = explain(state.pending!)
      state.pending = undefined
    }
    return state.built
  }
}

// One getter and setter for every decision, so all decisions keep one shape.
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

/** Adds `explanation` to `decision` as a property built from `pending` on first read. */
export const explainLater = <D extends object>(
  decision: D,
  pending: Pending,
): D & { readonly explanation: Explanation } => {
  new Lazy(decision, { pending, built: undefined })
  Object.defineProperty(decision, "explanation", accessor)
  return decision as D & { readonly explanation: Explanation }
}
