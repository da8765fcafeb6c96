import { describe, expect, it } from "vitest"
import { Cases, Coverage, PolicyTree, Problem } from "../src/index.js"
import { editJson, filesWith, fileText, fixture } from "./helpers.js"

const coverageOf = (changes: Record<string, string | undefined>) =>
  Cases.run(PolicyTree.loadOrThrow(filesWith(changes))).coverage
const free = "eligibility/offerings-are-free.json"

describe("Coverage", () => {
  it("counts each version's two outcomes and both sides of each condition", () => {
    const c = Cases.run(fixture()).coverage
    expect(c.percent).toBe(100)
    expect(c.problems).toEqual([])
    const fit = c.versions.find((v) => v.rule === "escalation/discontinued-participants-not-moved")!
    expect(fit).toMatchObject({ version: 1, event: true, otherwise: true, covered: 6, total: 6 })
    expect(fit.conditions.map((x) => [x.pointer, x.fact, x.whenTrue, x.whenFalse])).toEqual([
      ["/versions/0/conditions/all/0", "date", true, true],
      ["/versions/0/conditions/all/1", "movedToCommunity", true, true],
    ])
  })

  it("names the outcome and the condition side no case reaches, with file and line", () => {
    const file = "escalation/discontinued-participants-not-moved.cases.yaml"
    // Without the case of a participant already moved, "movedToCommunity is no" is never false.
    const text = fileText(file).replace(/ {2}- name: "A Sykkelgruppe participant[\s\S]*?expect: no-escalation\n/u, "")
    const c = coverageOf({ [file]: text })
    expect(c.percent).toBeLessThan(100)
    expect(c.problems.map((p) => Problem.format(p, "en"))).toEqual([
      "escalation/discontinued-participants-not-moved.json:45: warning: No case makes this condition (movedToCommunity) false in escalation/discontinued-participants-not-moved, version 1 (at /versions/0/conditions/all/1)",
    ])
  })

  it("does not ask for an outcome declared unreachable, nor the condition side only it gives", () => {
    const c = Cases.run(fixture()).coverage.versions.find((v) => v.rule === "eligibility/offerings-are-free")!
    expect(c).toMatchObject({ event: true, otherwise: false, covered: 4, total: 4 })
    expect(c.conditions[0]?.exempt).toEqual({ whenTrue: false, whenFalse: true })
    const undeclared = coverageOf({ [free]: editJson(free, (v) => delete v.versions[0].unreachable) })
    expect(undeclared.percent).toBeLessThan(100)
    expect(undeclared.problems.map((p) => p.pointer)).toEqual(["/versions/0/otherwise", "/versions/0/conditions/all/0"])
  })

  it("refuses a declaration a case contradicts", () => {
    const karate = "eligibility/karate-needs-intake.json"
    const declared = editJson(
      karate,
      (v) => (v.versions[0].unreachable = { otherwise: { nb: "Alle er påmeldt.", en: "Everyone registers." } }),
    )
    const c = coverageOf({ [karate]: declared })
    expect(c.problems.filter((p) => p.severity === "error").map((p) => Problem.format(p, "en"))).toEqual([
      'eligibility/karate-needs-intake.cases.yaml:15: The case "A citizen who has not registered for the intake may not join the karate group." reaches the outcome eligibility/karate-needs-intake, version 1 declares unreachable (eligibility/karate-needs-intake.json /versions/0/unreachable/otherwise): remove the declaration, or correct the case (at /cases/1/expect)',
    ])
  })

  it("counts a version no case reaches as wholly uncovered", () => {
    // No other case asks about Pro-Service, so without its own cases nothing reaches the rule.
    const c = coverageOf({ "eligibility/pro-service-needs-application.cases.yaml": undefined })
    expect(c.problems.map((p) => Problem.format(p, "nb"))).toEqual([
      "eligibility/pro-service-needs-application.json:22: advarsel: Ingen tilfeller prøver versjon 1 av eligibility/pro-service-needs-application: legg til et tilfelle datert fra 2023-03-09 (i /versions/0)",
    ])
    // With no case at all, only what a declaration covers counts: offerings-are-free's otherwise and the side only it gives.
    expect(Coverage.tally(fixture()).report().covered).toBe(2)
  })
})
