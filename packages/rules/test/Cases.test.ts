import { describe, expect, it } from "vitest"
import { Cases, PolicyTree, Problem } from "../src/index.js"
import { fileText, filesWith, shipped } from "./helpers.js"

describe("the shipped cases", () => {
  const { results, problems, coverage } = Cases.run(shipped())

  it("all pass", () => {
    expect(problems).toEqual([])
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(results.length).toBeGreaterThanOrEqual(60)
  })

  it("exercise every rule, with only one outcome out of reach", () => {
    // Every offering in the catalogue is free, so "not free" cannot happen with it.
    expect(coverage.uncovered.map((p) => Problem.format(p, "en"))).toEqual([
      'eligibility/offerings-are-free.json:48: warning: No case reaches the outcome "not-eligible" of eligibility/offerings-are-free, version 1 (at /versions/0/otherwise)'
    ])
  })

  it("have a case file beside every rule", () => {
    expect(shipped().cases.map((c) => c.rule).sort()).toEqual(shipped().rules.map((r) => r.id).sort())
  })
})

describe("Cases", () => {
  const karateCases = "eligibility/karate-needs-intake.cases.yaml"

  it("reports a failing case with its file, line and both outcomes", () => {
    const text = fileText(karateCases).replace("expect: not-eligible", "expect: eligible")
    const tree = PolicyTree.loadOrThrow(filesWith({ [karateCases]: text }))
    expect(Cases.run(tree).problems.map((p) => Problem.format(p))).toEqual([
      `${karateCases}:15: Case "A citizen who has not registered for the intake may not join the karate group.": expected eligible, got not-eligible (eligibility/karate-needs-intake, version 1) / Tilfellet «A citizen who has not registered for the intake may not join the karate group.»: forventet eligible, fikk not-eligible (eligibility/karate-needs-intake, versjon 1) (at /cases/1/expect)`
    ])
  })

  it("lists a rule no case exercises", () => {
    const tree = PolicyTree.loadOrThrow(filesWith({ [karateCases]: undefined }))
    expect(Cases.run(tree).coverage.uncovered.map((p) => Problem.format(p, "nb"))[0]).toBe(
      "eligibility/karate-needs-intake.json:18: advarsel: Ingen tilfeller prøver versjon 1 av eligibility/karate-needs-intake (i /versions/0)"
    )
  })

  it("asks for whole-sentence names and checks the subject", () => {
    const text = [
      "cases:",
      "  - name: karate ok",
      "    date: 2024-01-01",
      "    subject:",
      "      citizen: { birthYear: 1990, departments: [rhpa] }",
      "      offering: karate",
      "    expect: eligible"
    ].join("\n")
    const { problems } = PolicyTree.load(filesWith({ [karateCases]: text }))
    expect(problems.map((p) => Problem.format(p, "en"))).toEqual([
      "eligibility/karate-needs-intake.cases.yaml:2: A case's name is a whole sentence: a capital letter first, at least four words, a full stop last (at /cases/0/name)",
      'eligibility/karate-needs-intake.cases.yaml:6: Unknown offering "karate" (at /cases/0/subject/offering)',
      'eligibility/karate-needs-intake.cases.yaml:5: Unknown department "rhpa"; did you mean "rpha"? (at /cases/0/subject/citizen/departments/0)'
    ])
  })

  it("names the rule a case file tests after its path", () => {
    expect(Cases.ruleOf("duration/session-limit.cases.yaml")).toBe("duration/session-limit")
    expect(Cases.isCaseFile("duration/session-limit.cases.json")).toBe(true)
    expect(Cases.isCaseFile("duration/session-limit.json")).toBe(false)
  })
})
