import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import { PolicyTree, Problem } from "../src/index.js"
import { editJson, filesWith, fileText, fixture, fixtureFiles } from "./helpers.js"

const load = (changes: Record<string, string | undefined>) => PolicyTree.load(filesWith(changes))
const errors = (changes: Record<string, string | undefined>) =>
  load(changes)
    .problems.filter((p) => p.severity === "error")
    .map((p) => Problem.format(p, "en"))

describe("PolicyTree.load", () => {
  it("loads the shipped tree without a problem", () => {
    const { tree, problems } = PolicyTree.load(fixtureFiles)
    expect(problems).toEqual([])
    expect(tree.rules.map((r) => r.id)).toContain("eligibility/karate-needs-intake")
    expect(tree.rules.length).toBe(28)
    expect([...tree.parameters.keys()].sort()).toEqual([
      "attendance.repeated-no-shows",
      "citizen.minimum-age",
      "departments.contribution-percent",
      "fit.ors-cutoff",
      "fit.ors-reliable-change",
      "fit.srs-alert-below",
      "model.start",
      "offerings.individuell-trening-mudo.sessions-per-week",
      "offerings.individuell-trening-mudo.weeks",
      "offerings.kreativ-gruppe.sessions",
      "offerings.mindfull-restorative-yoga.sessions",
      "offerings.padelgruppe.sessions",
      "offerings.price-nok",
      "offerings.turgruppe.cohort-length",
      "privacy.rounding-base",
      "privacy.ssb-max-n",
      "privacy.strict-max",
      "privacy.strict-min",
      "transition.duration",
      "treatment.max-extensions",
    ])
  })

  it("has a rule in every kind's folder and ids that are paths", () => {
    const tree = fixture()
    expect(new Set(tree.rules.map((r) => r.kind))).toEqual(new Set(["eligibility", "duration", "escalation"]))
    for (const r of tree.rules) expect(r.file).toBe(`${r.id}.json`)
  })

  it("reports a JSON syntax error at the line and column of the mistake, saying what to do", () => {
    const file = "eligibility/adults-only.json"
    const colon = fileText(file).replace('"versions": [', '"versions" [')
    expect(errors({ [file]: colon })).toEqual([
      'eligibility/adults-only.json:17:13: A ":" is missing after the property name: add ":"',
    ])
    // The comma after the last item is the mistake, not the "]" on the next line.
    const trailing = fileText(file).replace(/("type": "not-eligible"\n {6}\})\n/u, "$1,\n")
    expect(errors({ [file]: trailing })).toEqual([
      'eligibility/adults-only.json:50:8: Remove this comma: nothing follows it before "}"',
    ])
    const missing = fileText(file).replace('"operator": "notEqual",', '"operator": "notEqual"')
    expect(errors({ [file]: missing })).toEqual([
      'eligibility/adults-only.json:26:35: A comma is missing after this value: add ","',
    ])
  })

  it("reports a YAML syntax error once, at the line that slipped, in both languages", () => {
    const file = "eligibility/adults-only.cases.yaml"
    const slipped = fileText(file).replace("    date: 2023-09-01", "   date: 2023-09-01")
    expect(load({ [file]: slipped }).problems.map((p) => Problem.format(p))).toEqual([
      'eligibility/adults-only.cases.yaml:4:4: "date:" starts in column 4, which does not line up with the lines around it: move it to column 5 (like "subject:" on line 5) / «date:» starter i kolonne 4, som ikke stemmer med linjene rundt: flytt den til kolonne 5 (som «subject:» på linje 5)',
    ])
    const tab = fileText(file).replace("    date: 2023-09-01", "\tdate: 2023-09-01")
    expect(errors({ [file]: tab })).toEqual([
      "eligibility/adults-only.cases.yaml:4:1: A tab is used for indentation; YAML allows only spaces: replace the tab with spaces",
    ])
    expect(errors({ [file]: "cases:\n  - name: [unclosed\n" })).toEqual([
      'eligibility/adults-only.cases.yaml:2:20: The "[" in column 11 is not closed on its line: add "]" at the end of the value',
    ])
  })

  it("names the file and line of an unknown fact in a broken rule file", () => {
    const text = fileText("eligibility/karate-needs-intake.json").replace(
      '"fact": "intakeRegistered"',
      '"fact": "intakeRegistred"',
    )
    expect(errors({ "eligibility/karate-needs-intake.json": text })).toEqual([
      'eligibility/karate-needs-intake.json:34: Unknown fact "intakeRegistred"; did you mean "intakeRegistered"? (at /versions/0/conditions/all/0/fact)',
    ])
  })

  it("leaves a rule file with errors out of the tree and keeps the rest", () => {
    const text = fileText("eligibility/karate-needs-intake.json").replace('"operator": "equal"', '"operator": "eqaul"')
    const { tree } = load({ "eligibility/karate-needs-intake.json": text })
    expect(tree.rules.map((r) => r.id)).not.toContain("eligibility/karate-needs-intake")
    expect(tree.rules.length).toBe(fixture().rules.length - 1)
  })

  it("warns about files that are not part of the policy", () => {
    const { problems } = load({ "notes.json": "{}", "README.md": "# hei" })
    expect(problems.map((p) => Problem.format(p, "nb"))).toEqual([
      "notes.json:1: advarsel: Ikke en del av regelverket: regler ligger i eligibility, duration, escalation, parametere i parameters/, tilfeller i <regel>.cases.yaml",
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
        '  escalation/fit-ors-below-cutoff.json:48: Unknown recipient "therapeut"; did you mean "therapist"? / Ukjent mottaker «therapeut»; mente du «therapist»? (at /versions/0/event/params/to)',
      ].join("\n"),
    )
  })
})

describe("parameters written in YAML", () => {
  const json = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
  const yaml = "parameters/offerings/mindfull-restorative-yoga/sessions.yaml"
  // The same parameter as the JSON file, with comments and a reference and a note per dated value.
  const text = `# Samlinger per periode i Mindfull restorative yoga.
$schema: ../../../../json-schema/parameter-file.schema.json
label: { nb: samlinger i Mindfull restorative yoga, en: sessions of Mindful restorative yoga }
description:
  nb: Mindfull restorative yoga går over et antall samlinger per periode.
  en: Mindful restorative yoga runs over a number of sessions per period.
type: number
datedBy: enrollment-start # en deltagelse beholder grensen fra sin første dag
unit: { nb: samlinger, en: sessions }
source:
  document: Mestringsenhetens modell for aktivitet
  section: Ulike tilbud innen fysisk aktivitet som behandling
  lines: "81"
  quote: Treningen går over 4 samlinger.
values:
  - from: 2023-03-09
    value: 4
  - from: 2025-01-01 # etter evalueringen
    value: 6
    source: { document: Vedtak i utvida ledergruppe 20.11.2024, section: Sak 3/24 }
    note: { nb: Utvida ledergruppe vedtok 6 samlinger., en: The extended leadership group decided on 6 sessions. }
`

  it("loads with comments, a reference and a note per value, and gives the same parameter name", () => {
    const { tree, problems } = load({ [json]: undefined, [yaml]: text })
    expect(problems.filter((p) => p.severity === "error")).toEqual([])
    const p = tree.parameters.get("offerings.mindfull-restorative-yoga.sessions")!
    expect(p.file).toBe(yaml)
    expect(p.datedBy).toBe("enrollment-start")
    expect(p.values.map((v) => [v.from, v.value, v.note?.nb])).toEqual([
      ["2023-03-09", 4, undefined],
      ["2025-01-01", 6, "Utvida ledergruppe vedtok 6 samlinger."],
    ])
  })

  it("names the YAML file and the line of a mistake in it", () => {
    const { problems } = load({ [json]: undefined, [yaml]: text.replace("    value: 6", "    valeu: 6") })
    const messages = problems.filter((p) => p.severity === "error").map((p) => Problem.format(p, "en"))
    expect(messages).toEqual([
      `${yaml}:19: Unknown key "valeu"; did you mean "value"? (at /values/1/valeu)`,
      `${yaml}:18: Missing "value" (at /values/1)`,
    ])
  })

  it("refuses the same parameter written twice, in JSON and in YAML", () => {
    const { problems } = load({ [yaml]: text })
    expect(problems.filter((p) => p.code === "duplicate-parameter").map((p) => Problem.format(p, "en"))).toEqual([
      `${yaml}:1: The parameter offerings.mindfull-restorative-yoga.sessions is also written in ${json}: keep one of the two files`,
    ])
  })
})

describe("rules written in YAML", () => {
  const json = "duration/session-limit.json"
  const yaml = "duration/session-limit.yaml"
  const asYaml = (text: string) => `# Samlinger per periode.\n${YAML.stringify(JSON.parse(text))}`

  it("load as the same json-rules-engine rule as the JSON file, under the same id", () => {
    const { tree, problems } = load({ [json]: undefined, [yaml]: asYaml(fileText(json)) })
    expect(problems.filter((p) => p.severity === "error")).toEqual([])
    const rule = tree.rules.find((r) => r.id === "duration/session-limit")!
    expect(rule.file).toBe(yaml)
    const { file: _a, ...fromYaml } = rule
    const { file: _b, ...fromJson } = fixture().rules.find((r) => r.id === "duration/session-limit")!
    expect(fromYaml).toEqual(fromJson)
  })

  it("name the YAML file and line of a mistake, and refuse the same rule written twice", () => {
    const broken = asYaml(fileText(json)).replace("operator: lessThan", "operatr: lessThan")
    const { problems } = load({ [json]: undefined, [yaml]: broken })
    const line = broken.split("\n").findIndex((l) => l.includes("operatr")) + 1
    expect(problems.filter((p) => p.severity === "error").map((p) => Problem.format(p, "en"))).toEqual([
      `${yaml}:${line}: Unknown key "operatr"; did you mean "operator"? (at /versions/0/conditions/all/0/operatr)`,
      `${yaml}:${line - 1}: Missing "operator" (at /versions/0/conditions/all/0)`,
    ])
    const twice = load({ [yaml]: asYaml(fileText(json)) })
    expect(twice.problems.filter((p) => p.code === "duplicate-rule").map((p) => Problem.format(p, "en"))).toEqual([
      `${yaml}:1: The rule duration/session-limit is also written in ${json}: keep one of the two files`,
    ])
  })
})

describe("PolicyTree.hash", () => {
  // The manifest `sha256sum` prints for the rule and parameter files, hashed: what the doc says a reader can recompute.
  const manifestHash = (files: ReadonlyArray<{ path: string; text: string }>) => {
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
    const decides = files.filter(
      (f) => !/\.cases\.ya?ml$/u.test(f.path) && /^(?:eligibility|duration|escalation|parameters)\//u.test(f.path),
    )
    return sha(
      [...decides]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((f) => `${sha(f.text)}  ${f.path}\n`)
        .join(""),
    )
  }

  it("is the SHA-256 of the rule and parameter files' manifest, cases left out", () => {
    expect(PolicyTree.hash(fixture())).toBe(manifestHash(fixtureFiles))
    const withoutCases = PolicyTree.loadOrThrow(fixtureFiles.filter((f) => !/\.cases\.ya?ml$/u.test(f.path)))
    expect(PolicyTree.hash(withoutCases)).toBe(PolicyTree.hash(fixture()))
  })

  it("changes when one value in one parameter file changes", () => {
    const edited = PolicyTree.loadOrThrow(
      filesWith({
        "parameters/citizen/minimum-age.yaml": fileText("parameters/citizen/minimum-age.yaml").replace(
          "value: 18",
          "value: 19",
        ),
      }),
    )
    expect(PolicyTree.hash(edited)).not.toBe(PolicyTree.hash(fixture()))
  })
})
