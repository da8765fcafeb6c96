import { describe, expect, it } from "vitest"
import { PolicyTree, Problem } from "../src/index.js"
import { editJson, fileText, filesWith, shipped, shippedFiles } from "./helpers.js"

const load = (changes: Record<string, string | undefined>) => PolicyTree.load(filesWith(changes))
const errors = (changes: Record<string, string | undefined>) =>
  load(changes)
    .problems.filter((p) => p.severity === "error")
    .map((p) => Problem.format(p, "en"))

describe("PolicyTree.load", () => {
  it("loads the shipped tree without a problem", () => {
    const { tree, problems } = PolicyTree.load(shippedFiles)
    expect(problems).toEqual([])
    expect(tree.rules.map((r) => r.id)).toContain("eligibility/karate-needs-intake")
    expect(tree.rules.length).toBe(27)
    expect([...tree.parameters.keys()].sort()).toEqual([
      "attendance.repeated-no-shows",
      "citizen.minimum-age",
      "departments.contribution-percent",
      "fit.ors-cutoff",
      "fit.srs-alert-below",
      "model.start",
      "offerings.individuell-trening-mudo.sessions-per-week",
      "offerings.individuell-trening-mudo.weeks",
      "offerings.kreativ-gruppe.sessions",
      "offerings.mindfull-restorative-yoga.sessions",
      "offerings.padelgruppe.sessions",
      "offerings.price-nok",
      "offerings.turgruppe.cohort-length",
      "transition.duration",
      "treatment.max-extensions"
    ])
  })

  it("has a rule in every kind's folder and ids that are paths", () => {
    const tree = shipped()
    expect(new Set(tree.rules.map((r) => r.kind))).toEqual(new Set(["eligibility", "duration", "escalation"]))
    for (const r of tree.rules) expect(r.file).toBe(`${r.id}.json`)
  })

  it("reports a JSON syntax error with its line and column", () => {
    const text = fileText("eligibility/adults-only.json").replace('"versions": [', '"versions" [')
    expect(errors({ "eligibility/adults-only.json": text })).toEqual(["eligibility/adults-only.json:17: Expected ':' after the property name (column 14)"])
  })

  it("reports a YAML syntax error in a case file with its line", () => {
    const text = "cases:\n  - name: [unclosed\n"
    expect(errors({ "eligibility/adults-only.cases.yaml": text })[0]).toMatch(/^eligibility\/adults-only\.cases\.yaml:\d+: YAML: /u)
  })

  it("names the file and line of an unknown fact in a broken rule file", () => {
    const text = fileText("eligibility/karate-needs-intake.json").replace('"fact": "intakeRegistered"', '"fact": "intakeRegistred"')
    expect(errors({ "eligibility/karate-needs-intake.json": text })).toEqual([
      'eligibility/karate-needs-intake.json:34: Unknown fact "intakeRegistred"; did you mean "intakeRegistered"? (at /versions/0/conditions/all/0/fact)'
    ])
  })

  it("leaves a rule file with errors out of the tree and keeps the rest", () => {
    const text = fileText("eligibility/karate-needs-intake.json").replace('"operator": "equal"', '"operator": "eqaul"')
    const { tree } = load({ "eligibility/karate-needs-intake.json": text })
    expect(tree.rules.map((r) => r.id)).not.toContain("eligibility/karate-needs-intake")
    expect(tree.rules.length).toBe(26)
  })

  it("warns about files that are not part of the policy", () => {
    const { problems } = load({ "notes.json": "{}", "README.md": "# hei" })
    expect(problems.map((p) => Problem.format(p, "nb"))).toEqual([
      "notes.json:1: advarsel: Ikke en del av regelverket: regler ligger i eligibility, duration, escalation, parametere i parameters/, tilfeller i <regel>.cases.yaml"
    ])
  })

  it("throws a PolicyError listing every error from loadOrThrow", () => {
    const text = editJson("escalation/fit-ors-below-cutoff.json", (v) => {
      v.versions[0].conditions.all[0].value.params.name = "fit.ors-cutof"
      v.versions[0].event.params.to = "therapeut"
    })
    expect(() => PolicyTree.loadOrThrow(filesWith({ "escalation/fit-ors-below-cutoff.json": text }))).toThrow(
      [
        "The policy tree has 2 error(s) / Regeltreet har 2 feil:",
        '  escalation/fit-ors-below-cutoff.json:39: Unknown parameter "fit.ors-cutof"; did you mean "fit.ors-cutoff"? / Ukjent parameter «fit.ors-cutof»; mente du «fit.ors-cutoff»? (at /versions/0/conditions/all/0/value/params/name)',
        '  escalation/fit-ors-below-cutoff.json:48: Unknown recipient "therapeut"; did you mean "therapist"? / Ukjent mottaker «therapeut»; mente du «therapist»? (at /versions/0/event/params/to)'
      ].join("\n")
    )
  })
})
