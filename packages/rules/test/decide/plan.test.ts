// Decisions are made by a generated program where eval is allowed and by
// closures where a Content-Security-Policy forbids it. Both must give the
// same decisions, facts, parameters, summaries and explanations.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { afterAll, describe, expect, it } from "vitest"
import { allowGenerating } from "../../src/decide/plan.js"
import { DatasetSubjects, Decision, PolicyTree } from "../../src/index.js"
import { fixture, fixtureFiles, fixturePolicy } from "../helpers.js"

describe("the decision plan", () => {
  afterAll(() => allowGenerating(true))

  it("decides through closures exactly as through the generated program, for a sample of synthetic questions", () => {
    const items = DatasetSubjects.of(
      generate({ policy: fixturePolicy(), seed: 5, year: 2024, citizens: 150 }),
      fixturePolicy(),
    ).filter((_, i) => i % 3 === 0)
    const generated = fixture()
    const want = items.map((it) => JSON.stringify(Decision.decide(generated, it.subject, it.date)))
    // A tree of its own, so its plans are made anew without eval.
    allowGenerating(false)
    const closures = PolicyTree.loadOrThrow(fixtureFiles)
    const got = items.map((it) => JSON.stringify(Decision.decide(closures, it.subject, it.date)))
    expect(items.length).toBeGreaterThan(200)
    expect(got).toEqual(want)
    expect(want.some((d) => d.includes('"branch":"unknown"'))).toBe(true)
  })
})
