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
import type { Code } from "./Compile.js"
import type { RuleSet } from "./InForce.js"
import { guard, reject } from "./internal/boundary.js"
import { quote } from "./internal/text.js"
import { RulesError } from "./RulesError.js"

/**
 * The engine rules for a rule set: `<id>#appliesWhen` (when present) and `<id>`.
 * @example
 * new Engine(Engine.rules(InForce.ruleSetOn(tree, "2024-06-01")))
 * @category constructors
 */
export const rules = guard(
  "Engine.rules",
  { en: "(set: RuleSet)", nb: "(set: RuleSet)" },
  (set: RuleSet): Array<RuleProperties> =>
    set.rules.flatMap((r) => [
      ...(r.appliesWhen === undefined
        ? []
        : [{ name: `${r.id}#appliesWhen`, conditions: r.appliesWhen, event: { type: "applies" } }]),
      { name: r.id, conditions: r.conditions, event: { type: "holds" } },
    ]) as Array<RuleProperties>,
)

const isScalar = (v: unknown): boolean =>
  v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean"

/** The facts as a fresh object of JSON values; anything else is an ArgumentError. */
const plainFacts = (facts: unknown): Record<string, unknown> => {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts))
    reject("Runner.run", { nb: "facts må være et objekt", en: "facts must be an object" })
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(facts as object)) {
    const v = (facts as Record<string, unknown>)[key]
    const ok = isScalar(v) || (Array.isArray(v) && v.every(isScalar))
    if (!ok)
      reject("Runner.run", {
        nb: "hvert faktum må være en tekst, et tall, sann/usann, null eller en liste av dem",
        en: "each fact must be a text, number, true/false, null or a list of those",
      })
    Object.defineProperty(out, key, {
      value: Array.isArray(v) ? [...v] : v,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

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
 * const codes = await runner.run(SubjectFacts.of(subject, date, now).facts)
 * @category evaluation
 */
export const runner = guard("Engine.runner", { en: "(set: RuleSet)", nb: "(set: RuleSet)" }, (set: RuleSet): Runner => {
  const engine = new Engine(rules(set), {
    allowUndefinedFacts: false,
    // Rule files may not use `path`; should one slip through, fail rather
    // than hand it to jsonpath-plus, which can evaluate script.
    pathResolver: () => {
      throw new RulesError({
        en: "Path expressions are not allowed in rule files",
        nb: "Stiuttrykk er ikke tillatt i regelfiler",
      })
    },
  })
  engine.addFact("parameter", (params: { readonly name?: unknown }) => {
    const name = typeof params.name === "string" ? params.name : ""
    if (!set.parameters.has(name)) {
      const n = quote(name)
      throw new RulesError({ en: `Unknown parameter ${n.en}`, nb: `Ukjent parameter ${n.nb}` })
    }
    return set.parameters.get(name)
  })
  const ids = set.rules.map((r) => r.id)
  const scoped = set.rules.map((r) => r.appliesWhen !== undefined)
  return {
    ids,
    run: guard(
      "Runner.run",
      {
        en: "(facts: { [name: string]: text | number | true/false | null | list })",
        nb: "(facts: { [name: string]: tekst | tall | sann/usann | null | liste })",
      },
      async (facts: { readonly [name: string]: unknown }): Promise<Uint8Array> => {
        // Checked and copied before the engine sees them: the engine reads facts
        // in promises of its own, where a throwing getter would escape unhandled.
        const { results, failureResults } = await engine.run(plainFacts(facts))
        const passed = new Set<string>(results.map((r) => String(r.name)))
        const failed = new Set<string>(failureResults.map((r) => String(r.name)))
        const out = new Uint8Array(ids.length)
        ids.forEach((id, i) => {
          const applies = !scoped[i] || passed.has(`${id}#appliesWhen`)
          if (!applies && !failed.has(`${id}#appliesWhen`))
            throw new RulesError({ en: `The engine did not evaluate ${id}`, nb: `Motoren vurderte ikke ${id}` })
          out[i] = (applies ? (passed.has(id) ? 1 : 2) : 0) satisfies Code
        })
        return out
      },
    ),
  }
})
