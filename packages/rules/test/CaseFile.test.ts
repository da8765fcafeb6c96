import { describe, expect, it } from "vitest"
import { CaseFile, PolicyTree, Problem } from "../src/index.js"
import { filesWith, fileText } from "./helpers.js"

const karateCases = "eligibility/karate-needs-intake.cases.yaml"
const errorsOf = (changes: Record<string, string | undefined>, lang: "en" | "nb" = "en") =>
  PolicyTree.load(filesWith(changes))
    .problems.filter((p) => p.severity === "error")
    .map((p) => Problem.format(p, lang))

describe("CaseFile.decode", () => {
  it("names an unknown outcome and the code a Norwegian label stands for", () => {
    const session = "duration/session-limit.cases.yaml"
    const fortsetter = fileText(session).replace("expect: continues", "expect: fortsetter")
    expect(errorsOf({ [session]: fortsetter }, "nb")).toEqual([
      "duration/session-limit.cases.yaml:9: Ukjent utfall «fortsetter»; mente du «continues»? (i /cases/0/expect)",
    ])
    expect(
      errorsOf({ [session]: fileText(session).replace("expect: continues", "expect: Kan ikke forlenges") }),
    ).toEqual([
      'duration/session-limit.cases.yaml:9: Unknown outcome "Kan ikke forlenges"; did you mean "may-not-extend"? (at /cases/0/expect)',
    ])
    expect(errorsOf({ [session]: fileText(session).replace("expect: continues", "expect: contineus") })).toEqual([
      'duration/session-limit.cases.yaml:9: Unknown outcome "contineus"; did you mean "continues"? (at /cases/0/expect)',
    ])
    // An eligibility outcome is no outcome of a duration rule.
    expect(errorsOf({ [session]: fileText(session).replace("expect: continues", "expect: constructor") })).toEqual([
      'duration/session-limit.cases.yaml:9: Unknown outcome "constructor"; use one of continues, ends, no-more-this-week, may-extend, may-not-extend, not-applicable, unknown (at /cases/0/expect)',
    ])
  })

  it("checks the outcomes other rules must give by their own kind", () => {
    const text = fileText(karateCases).replace(
      "expect: eligible",
      "expect: eligible\n    also:\n      escalation/fit-off-track: eligible",
    )
    expect(errorsOf({ [karateCases]: text })).toEqual([
      'eligibility/karate-needs-intake.cases.yaml:11: Unknown outcome "eligible"; use one of escalate, no-escalation, not-applicable, unknown (at /cases/0/also/escalation~1fit-off-track)',
    ])
  })

  it("asks for whole-sentence names and checks the subject", () => {
    const text = [
      "cases:",
      "  - name: karate ok",
      "    date: 2024-01-01",
      "    subject:",
      "      citizen: { birthYear: 1990, departments: [rhpa] }",
      "      offering: karate",
      "    expect: eligible",
    ].join("\n")
    expect(errorsOf({ [karateCases]: text })).toEqual([
      "eligibility/karate-needs-intake.cases.yaml:2: A case's name is a whole sentence: a capital letter first, at least four words, a full stop last (at /cases/0/name)",
      'eligibility/karate-needs-intake.cases.yaml:6: Unknown offering "karate"; did you mean "karategruppe"? (at /cases/0/subject/offering)',
      'eligibility/karate-needs-intake.cases.yaml:5: Unknown department "rhpa"; did you mean "rpha"? (at /cases/0/subject/citizen/departments/0)',
    ])
  })

  it("keeps a case's source", () => {
    const text = fileText(karateCases).replace(
      "    date: 2023-08-21",
      '    source: "Mestringsenhetens modell for aktivitet, Hverdagsaktiviteter, line 102"\n    date: 2023-08-21',
    )
    const tree = PolicyTree.loadOrThrow(filesWith({ [karateCases]: text }))
    expect(tree.cases.find((c) => c.file === karateCases)?.cases[0]?.source).toBe(
      "Mestringsenhetens modell for aktivitet, Hverdagsaktiviteter, line 102",
    )
  })

  it("names the rule a case file tests after its path", () => {
    expect(CaseFile.ruleOf("duration/session-limit.cases.yaml")).toBe("duration/session-limit")
    expect(CaseFile.isCaseFile("duration/session-limit.cases.json")).toBe(true)
    expect(CaseFile.isCaseFile("duration/session-limit.json")).toBe(false)
  })
})
