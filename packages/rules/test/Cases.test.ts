import { describe, expect, it } from "vitest"
import { Cases, PolicyTree, Problem } from "../src/index.js"
import { filesWith, fileText, fixture } from "./helpers.js"

const karateCases = "eligibility/karate-needs-intake.cases.yaml"

describe("Cases.run", () => {
  it("runs every case of a tree and reports none failing when all pass", () => {
    const { results, problems } = Cases.run(fixture())
    expect(problems).toEqual([])
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(results.length).toBe(fixture().cases.reduce((n, c) => n + c.cases.length, 0))
  })

  it("reports a failing case with its file, line and both outcomes", () => {
    const text = fileText(karateCases).replace("expect: not-eligible", "expect: eligible")
    const tree = PolicyTree.loadOrThrow(filesWith({ [karateCases]: text }))
    expect(Cases.run(tree).problems.map((p) => Problem.format(p))).toEqual([
      `${karateCases}:15: Case "A citizen who has not registered for the intake may not join the karate group.": expected eligible, got not-eligible (eligibility/karate-needs-intake, version 1) / Tilfellet «A citizen who has not registered for the intake may not join the karate group.»: forventet eligible, fikk not-eligible (eligibility/karate-needs-intake, versjon 1) (at /cases/1/expect)`,
    ])
  })

  it("expects unknown, naming the missing input, where the answer depends on it", () => {
    const text = `${fileText("eligibility/adults-only.cases.yaml")}  - name: "A citizen born in 2006 may or may not be 18 on 1 March 2024."\n    date: 2024-03-01\n    subject:\n      citizen: { birthYear: 2006, departments: [rpha] }\n      offering: sandneshallen\n    expect: eligible\n`
    const tree = PolicyTree.loadOrThrow(filesWith({ "eligibility/adults-only.cases.yaml": text }))
    expect(Cases.run(tree).problems.map((p) => Problem.format(p, "en"))).toEqual([
      'eligibility/adults-only.cases.yaml:52: Case "A citizen born in 2006 may or may not be 18 on 1 March 2024.": expected eligible, got unknown (missing: citizen.birthDate) (eligibility/adults-only, version 1) (at /cases/7/expect)',
    ])
  })
})
