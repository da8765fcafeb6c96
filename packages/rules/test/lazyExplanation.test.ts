// A decision's explanation is built when first read. Read that way it must
// be what the explaining evaluator gives for the subject's facts (merged over
// every combination of the values the subject leaves open, as decisions
// always were), and it must still behave as a plain property: in JSON, in
// structuredClone and spreads, the same object on every read, and replaceable.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { explainLater } from "../src/decide/explanation.js"
import {
  ArgumentError,
  DatasetSubjects,
  Decision,
  Evaluate,
  type Facts,
  InForce,
  RulesError,
  Subject,
  SubjectFacts,
} from "../src/index.js"
import { fixture, fixturePolicy } from "./helpers.js"

type FactValues = { readonly [fact: string]: Facts.Value }

/** Every combination of the open values over the facts, first option first, as decisions have always combined them. */
const combinations = (derived: SubjectFacts.Derived): Array<FactValues> => {
  let out: Array<FactValues> = [derived.facts]
  for (const o of derived.open) out = out.flatMap((f) => o.options.map((option) => ({ ...f, ...option })))
  return out
}

/** The explanation built eagerly, with the public evaluator. */
const eager = (subject: Subject.Subject, date: string, rule: string) => {
  const now = InForce.on(fixture(), date)
  const version = now.rules.find((r) => r.rule.id === rule)!.version
  const derived = SubjectFacts.of(subject, date, now)
  const tree = (c: NonNullable<typeof version.appliesWhen>) =>
    Evaluate.merge(
      combinations(derived).map((facts) =>
        Evaluate.condition(c, { facts, parameters: now.parameters, derivedFrom: derived.parameters }),
      ),
    )
  const conditions = tree(version.conditions)
  return version.appliesWhen === undefined ? { conditions } : { appliesWhen: tree(version.appliesWhen), conditions }
}

const sample = () => {
  const items = DatasetSubjects.of(
    generate({ policy: fixturePolicy(), seed: 3, year: 2024, citizens: 120 }),
    fixturePolicy(),
  )
  return items.filter((_, i) => i % 5 === 0)
}

const karate = Subject.make({
  citizen: { birthYear: 2006, departments: ["rpha"] },
  offering: "karategruppe",
  intakeRegistered: true,
})

describe("explanations built on first read", () => {
  it("equal the explanation the evaluator builds eagerly, for a sample of synthetic questions", () => {
    let decisions = 0
    let merged = 0
    let unknown = 0
    for (const { key, subject, date } of sample()) {
      for (const d of Decision.decide(fixture(), subject, date).decisions) {
        const want = eager(subject, date, d.rule)
        expect(d.explanation, `${key} ${d.rule}`).toEqual(want)
        decisions++
        if (JSON.stringify(want).includes('"values"')) merged++
        if (d.branch === "unknown") unknown++
      }
    }
    // The sample must reach decisions over several open values, and unknown ones.
    expect(decisions).toBeGreaterThan(200)
    expect(merged).toBeGreaterThan(0)
    expect(unknown).toBeGreaterThan(0)
  })

  it("are the same object on every read", () => {
    for (const d of Decision.decide(fixture(), karate, "2024-03-01").decisions) {
      const first = d.explanation
      expect(d.explanation).toBe(first)
      expect(first.conditions).toBe(d.explanation.conditions)
    }
  })

  it("are in JSON, in the place they always were", () => {
    const result = Decision.decide(fixture(), karate, "2024-03-01")
    const json = JSON.parse(JSON.stringify(result)) as Decision.Decisions
    expect(json.decisions.length).toBe(result.decisions.length)
    json.decisions.forEach((d, i) => {
      expect(d.explanation).toEqual(result.decisions[i]!.explanation)
    })
    const unknown = result.decisions.find((d) => d.branch === "unknown")!
    expect(Object.keys(unknown)).toEqual([
      "rule",
      "kind",
      "file",
      "version",
      "effective",
      "date",
      "outcome",
      "branch",
      "title",
      "source",
      "facts",
      "parameters",
      "explanation",
      "unknown",
    ])
  })

  it("survive structuredClone and a spread, and keep decisions plain objects", () => {
    for (const d of Decision.decide(fixture(), karate, "2024-03-01").decisions) {
      expect(Object.getPrototypeOf(d)).toBe(Object.prototype)
      const clone = structuredClone(d)
      const spread = { ...d }
      expect(clone.explanation).toEqual(d.explanation)
      expect(spread.explanation).toBe(d.explanation)
      expect(Object.getOwnPropertyDescriptor(spread, "explanation")?.value).toBe(d.explanation)
    }
  })

  it("are an own, enumerable property that can be replaced like any other", () => {
    const d = Decision.decide(fixture(), karate, "2024-03-01").decisions[0]!
    const descriptor = Object.getOwnPropertyDescriptor(d, "explanation")!
    expect(descriptor.enumerable).toBe(true)
    expect(typeof descriptor.get).toBe("function")
    const replacement = { conditions: d.explanation.conditions }
    ;(d as { explanation: unknown }).explanation = replacement
    expect(d.explanation).toBe(replacement)
    expect(JSON.parse(JSON.stringify(d)).explanation).toEqual(replacement)
  })

  it("throw only the package's typed errors while building, as the evaluator always did", () => {
    const version = { conditions: { all: [{ fact: "age", operator: "equal", value: 1 }] } }
    const refuse = () => {
      throw new TypeError("refused")
    }
    const throwing = new Proxy({}, { get: refuse, getOwnPropertyDescriptor: refuse })
    const basis = (facts: object) => ({
      facts: facts as FactValues,
      open: [],
      parameters: new Map(),
      derivedFrom: new Map(),
    })
    const broken = explainLater({}, version, [], basis(throwing))
    expect(() => broken.explanation).toThrow(ArgumentError)
    expect(() => broken.explanation).toThrow(/Evaluate.condition could not use its arguments/u)
    // A fact the facts do not hold is the evaluator's own error, as it always was.
    const unknownFact = explainLater({}, version, [], basis({}))
    expect(() => unknownFact.explanation).toThrow(RulesError)
    expect(() => unknownFact.explanation).toThrow(/Unknown fact/u)
  })
})
