/**
 * The reference path: runs a rule set on json-rules-engine itself, with the
 * engine locked down — its only facts are the subject's and `parameter`, no
 * custom operators are added, and any `path` expression throws instead of
 * reaching jsonpath-plus. The compiled path must agree with this one on every
 * outcome; a differential test holds them to it.
 *
 * @module
 */
import { Engine, type RuleProperties } from "json-rules-engine"
import type { RuleSet } from "./InForce.js"
import type { Code } from "./Compile.js"

/**
 * The engine rules for a rule set: `<id>#appliesWhen` (when present) and `<id>`.
 * @example
 * new Engine(Engine.rules(InForce.ruleSetOn(tree, "2024-06-01")))
 * @category constructors
 */
export const rules = (set: RuleSet): Array<RuleProperties> =>
  set.rules.flatMap((r) => [
    ...(r.appliesWhen === undefined ? [] : [{ name: `${r.id}#appliesWhen`, conditions: r.appliesWhen, event: { type: "applies" } }]),
    { name: r.id, conditions: r.conditions, event: { type: "holds" } }
  ]) as Array<RuleProperties>

/**
 * An engine built once and reused for many subjects.
 * @category models
 */
export interface Runner {
  readonly ids: ReadonlyArray<string>
  /** Outcome codes per rule, in `ids` order: 0 not applicable, 1 event, 2 otherwise. */
  readonly run: (facts: { readonly [name: string]: unknown }) => Promise<Uint8Array>
}

/**
 * Builds a json-rules-engine for a rule set.
 * @example
 * const runner = Engine.runner(InForce.ruleSetOn(tree, "2024-06-01"))
 * const codes = await runner.run(Subject.facts(subject, date, now).facts)
 * @category evaluation
 */
export const runner = (set: RuleSet): Runner => {
  const engine = new Engine(rules(set), {
    allowUndefinedFacts: false,
    // Rule files may not use `path`; should one slip through, fail rather
    // than hand it to jsonpath-plus, which can evaluate script.
    pathResolver: () => {
      throw new Error("Path expressions are not allowed in rule files")
    }
  })
  engine.addFact("parameter", (params: { readonly name?: unknown }) => {
    const name = typeof params.name === "string" ? params.name : ""
    if (!set.parameters.has(name)) throw new Error(`Unknown parameter ${name}`)
    return set.parameters.get(name)
  })
  const ids = set.rules.map((r) => r.id)
  const scoped = set.rules.map((r) => r.appliesWhen !== undefined)
  return {
    ids,
    run: async (facts) => {
      const { results, failureResults } = await engine.run({ ...facts })
      const passed = new Set<string>(results.map((r) => String(r.name)))
      const failed = new Set<string>(failureResults.map((r) => String(r.name)))
      const out = new Uint8Array(ids.length)
      ids.forEach((id, i) => {
        const applies = !scoped[i] || passed.has(`${id}#appliesWhen`)
        if (!applies && !failed.has(`${id}#appliesWhen`)) throw new Error(`The engine did not evaluate ${id}`)
        out[i] = (applies ? (passed.has(id) ? 1 : 2) : 0) satisfies Code
      })
      return out
    }
  }
}
