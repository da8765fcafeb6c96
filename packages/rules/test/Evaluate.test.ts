// Evaluate.conditionOver evaluates once each comparison that reads the same
// values in every run; it must give exactly what evaluating every run and
// merging gives: the same tree, key order included, and an error where that throws.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Evaluate } from "../src/index.js"
import { facts, parameterNames, top, tree } from "./arbitraries.js"

const scalarish = fc.constantFrom(17, 18, 0, -0, Number.NaN, null, "18", true, false, [1], "rpha")

// Runs as a subject with open inputs gives them: the facts, and copies with a fact or two changed.
const runs = fc
  .tuple(
    facts,
    fc.array(fc.dictionary(fc.constantFrom("age", "hasReferral", "ors", "extra"), scalarish, { maxKeys: 2 }), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.tuple(scalarish, scalarish, scalarish),
    fc.boolean(),
  )
  .map(([base, options, values, shared]) => {
    const parameters = new Map(
      parameterNames.map((name, i) => [
        name,
        { parameter: { name }, entry: { from: "2024-01-01", value: values[i] as never } },
      ]),
    )
    const derivedFrom = new Map([["age", [parameters.get("p.a")!]]])
    return [base, ...options.map((o) => ({ ...base, ...o }))].map((f) => ({
      facts: f as never,
      // Usually one context for every run, as decisions give; sometimes copies, which must not be taken as the same.
      parameters: shared ? parameters : new Map(parameters),
      derivedFrom,
    }))
  })

const outcome = (f: () => unknown) => {
  try {
    return { ok: true as const, value: f() }
  } catch (e) {
    return { ok: false as const, message: (e as Error).message }
  }
}

describe("Evaluate.conditionOver", () => {
  it("gives merge of every run's tree, key order included, for random trees and runs (property)", () => {
    fc.assert(
      fc.property(fc.oneof(tree, top), runs, (c, rs) => {
        const want = outcome(() => Evaluate.merge(rs.map((r) => Evaluate.condition(c, r))))
        const got = outcome(() => Evaluate.conditionOver(c, rs))
        expect(got.ok).toBe(want.ok)
        if (!want.ok || !got.ok) {
          expect(got).toEqual(want)
          return
        }
        expect(got.value).toEqual(want.value)
        expect(JSON.stringify(got.value)).toBe(JSON.stringify(want.value))
      }),
      { numRuns: 2000 },
    )
  })

  it("marks what the open values decide as unknown, with each value, and refuses no runs", () => {
    const c = {
      all: [
        { fact: "age", operator: "greaterThanInclusive", value: 18 },
        { fact: "ors", operator: "lessThan", value: 25 },
      ],
    }
    const parameters = new Map()
    const node = Evaluate.conditionOver(c as never, [
      { facts: { age: 17, ors: 20 }, parameters },
      { facts: { age: 18, ors: 20 }, parameters },
    ])
    expect(node).toEqual({
      kind: "all",
      result: false,
      unknown: true,
      children: [
        {
          kind: "comparison",
          result: false,
          unknown: true,
          left: { kind: "fact", fact: "age", value: 17, values: [17, 18] },
          operator: "greaterThanInclusive",
          right: { kind: "literal", value: 18 },
        },
        {
          kind: "comparison",
          result: true,
          left: { kind: "fact", fact: "ors", value: 20 },
          operator: "lessThan",
          right: { kind: "literal", value: 25 },
        },
      ],
    })
    expect(() => Evaluate.conditionOver(c as never, [])).toThrow(/conditionOver/u)
  })

  it("throws the error of the first run that fails, as evaluating run after run does", () => {
    const c = {
      all: [
        { fact: "x", operator: "equal", value: 1 },
        { fact: "y", operator: "equal", value: 1 },
      ],
    }
    const parameters = new Map()
    // The first run lacks y, the second lacks x: run after run, y is missed first.
    const runs = [
      { facts: { x: 1 }, parameters },
      { facts: { y: 1 }, parameters },
    ]
    expect(() => Evaluate.merge(runs.map((r) => Evaluate.condition(c as never, r)))).toThrow(/Unknown fact "y"/u)
    expect(() => Evaluate.conditionOver(c as never, runs)).toThrow(/Unknown fact "y"/u)
  })
})
