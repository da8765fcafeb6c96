// The input paths this package gained with the dated policy: parameter and
// rule files in YAML, their `datedBy` and their sources, and questions posed from an app's records
// (`Records.subject`). Crafted files and records get problems or a
// SubjectError naming the place, never a raw exception; every parameter
// file is either in the tree or named by an error (valid + rejected =
// input); no message shows an identity number; nothing reaches
// Object.prototype.
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import YAML from "yaml"
import { PolicyTree, Problem, Records, RulesError } from "../../src/index.js"
import { filesWith, fileText, fixturePolicy, type Loose } from "../helpers.js"
import { examples, nationalIdDigits, nationalIdText, writtenForms } from "../nationalIds.js"
import { prototypeKeys } from "./prototype.js"

const runs = Number(process.env.FUZZ_RUNS ?? 200)
const before = prototypeKeys()
afterEach(() => {
  expect(prototypeKeys()).toEqual(before)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions"
const showsAnId = (text: string, digits: string) => writtenForms(digits).some((f) => text.includes(f))
const messages = (problems: ReadonlyArray<Problem.Problem>) =>
  problems.flatMap((p) => [Problem.format(p, "en"), Problem.format(p, "nb")])

/** Every parameter file is in the tree or named by an error: none is dropped in silence. */
const accountedFor = (
  files: ReadonlyArray<{ readonly path: string }>,
  tree: PolicyTree.Tree,
  problems: ReadonlyArray<Problem.Problem>,
) => {
  const inTree = new Set([...tree.parameters.values()].map((p) => p.file))
  const withError = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file))
  return files.filter((f) => f.path.startsWith("parameters/")).every((f) => inTree.has(f.path) || withError.has(f.path))
}

const corpus: ReadonlyArray<readonly [string, string]> = [
  ["a __proto__ key", `{"__proto__": {"polluted": 1}, ${fileText(`${yoga}.json`).slice(1)}`],
  ["datedBy as an object", fileText(`${yoga}.json`).replace('"enrollment-start"', '{"__proto__": "x"}')],
  ["datedBy naming an identity number", fileText(`${yoga}.json`).replace('"enrollment-start"', `"${examples[1]}"`)],
  ["a value that is an identity number", fileText(`${yoga}.json`).replace('"value": 4', `"value": "${examples[2]}"`)],
  [
    "a YAML alias bomb",
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
  ],
  ["a YAML tag", "!!js/function 'function () { globalThis.polluted = 1 }'\n"],
  ["YAML with constructor and prototype keys", "constructor: { prototype: { polluted: 1 } }\nlabel: x\n"],
  ["an empty file", ""],
  ["a negative number of sessions", fileText(`${yoga}.json`).replace('"value": 4', '"value": -6')],
  ["a fraction of a session", fileText(`${yoga}.json`).replace('"value": 4', '"value": 4.5')],
]

describe("hostile parameter files, in JSON and YAML", () => {
  it.each(corpus)(
    "%s gives problems at the file, keeps the rest of the tree, and shows no identity number",
    (_, text) => {
      for (const ext of [".json", ".yaml"]) {
        const path = `${yoga}${ext}`
        const files = filesWith({ [`${yoga}.json`]: undefined, [path]: text })
        const { tree, problems } = PolicyTree.load(files)
        expect(
          problems.some((p) => p.file === path && p.severity === "error"),
          path,
        ).toBe(true)
        expect(tree.parameters.has("offerings.mindfull-restorative-yoga.sessions")).toBe(false)
        expect(tree.parameters.has("citizen.minimum-age")).toBe(true)
        expect(accountedFor(files, tree, problems)).toBe(true)
        for (const m of messages(problems)) for (const id of examples) expect(m).not.toContain(id)
      }
    },
  )

  it("property: Loose text as a parameter file, JSON or YAML, is accounted for and never echoes an identity number", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        nationalIdDigits,
        fc.boolean(),
        fc.constantFrom("datedBy", "value", "from", "label"),
        (junk, digits, asYaml, key) => {
          const id = writtenForms(digits)[1]!
          const text = asYaml ? `${key}: "${id}"\n${junk}` : `{"${key}": "${id}", "x": ${JSON.stringify(junk)}}`
          const path = `${yoga}${asYaml ? ".yaml" : ".json"}`
          const files = filesWith({ [`${yoga}.json`]: undefined, [path]: text })
          const { tree, problems } = PolicyTree.load(files)
          expect(accountedFor(files, tree, problems)).toBe(true)
          for (const m of messages(problems)) expect(showsAnId(m, digits), m).toBe(false)
        },
      ),
      { numRuns: runs },
    )
  })
})

// Rule files may be YAML now, and sources name documents: the same guarantees for them.
const rule = "duration/session-limit"
const ruleYaml = (edit: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(fileText(`${rule}.json`)) as Record<string, unknown>
  edit(doc)
  return YAML.stringify(doc)
}
const ruleCorpus: ReadonlyArray<readonly [string, string]> = [
  [
    "a __proto__ key in a condition",
    ruleYaml(
      (d: Loose) =>
        (d.versions[0].conditions.all[0] = JSON.parse(
          '{"__proto__": {"polluted": 1}, "fact": "sessionsUsed", "operator": "lessThan", "value": 1}',
        )),
    ),
  ],
  ["a constructor.prototype key at the top", `constructor: { prototype: { polluted: 1 } }\n${ruleYaml(() => {})}`],
  [
    "the old source.file, naming an identity number",
    ruleYaml((d: Loose) => (d.source = { file: `seeds/${examples[0]}.txt`, section: "x" })),
  ],
  [
    "a source document that is an identity number, with no section",
    ruleYaml((d: Loose) => (d.source = { document: examples[1] })),
  ],
  [
    "conditions nested 5,000 deep",
    ruleYaml((d: Loose) => (d.versions[0].conditions = "DEEP")).replace(
      "conditions: DEEP",
      `conditions: ${'{"all": ['.repeat(5000)}{"fact": "age", "operator": "equal", "value": 1}${"]}".repeat(5000)}`,
    ),
  ],
  ["a YAML tag", `!!js/function 'function () { globalThis.polluted = 1 }'\n`],
  [
    "an outcome whose params hold __proto__",
    ruleYaml((d: Loose) => (d.versions[0].event = JSON.parse('{"type": "continues", "params": {"__proto__": "x"}}'))),
  ],
]

/** Every rule file is in the tree or named by an error. */
const rulesAccountedFor = (
  files: ReadonlyArray<{ readonly path: string }>,
  tree: PolicyTree.Tree,
  problems: ReadonlyArray<Problem.Problem>,
) => {
  const inTree = new Set(tree.rules.map((r) => r.file))
  const withError = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file))
  return files
    .filter(
      (f) => /^(?:eligibility|duration|escalation)\/.*\.(?:json|ya?ml)$/u.test(f.path) && !f.path.includes(".cases."),
    )
    .every((f) => inTree.has(f.path) || withError.has(f.path))
}

describe("hostile rule files in YAML", () => {
  it.each(ruleCorpus)(
    "%s gives problems at the file, keeps the rest of the tree, and shows no identity number",
    (_, text) => {
      const path = `${rule}.yaml`
      const files = filesWith({ [`${rule}.json`]: undefined, [path]: text })
      const { tree, problems } = PolicyTree.load(files)
      expect(
        problems.some((p) => p.file === path && p.severity === "error"),
        path,
      ).toBe(true)
      expect(tree.rules.some((r) => r.id === rule)).toBe(false)
      expect(tree.rules.some((r) => r.id === "eligibility/adults-only")).toBe(true)
      expect(rulesAccountedFor(files, tree, problems)).toBe(true)
      for (const m of messages(problems)) for (const id of examples) expect(m).not.toContain(id)
    },
  )

  it("property: Loose text as a YAML rule file is accounted for and never echoes an identity number", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        nationalIdDigits,
        fc.constantFrom("title", "source", "versions", "document", "__proto__"),
        (junk, digits, key) => {
          const id = writtenForms(digits)[1]!
          const path = `${rule}.yaml`
          const files = filesWith({ [`${rule}.json`]: undefined, [path]: `${key}: "${id}"\n${junk}` })
          const { tree, problems } = PolicyTree.load(files)
          expect(rulesAccountedFor(files, tree, problems)).toBe(true)
          for (const m of messages(problems)) expect(showsAnId(m, digits), m).toBe(false)
        },
      ),
      { numRuns: runs },
    )
  })
})

describe("hostile records as a question", () => {
  const year = generate({ policy: fixturePolicy(), seed: 5, year: 2024, citizens: 40 })
  const e = year.enrollments[0]!

  const crafted: ReadonlyArray<readonly [string, unknown]> = [
    ["records that are null", null],
    [
      "records with a throwing getter",
      Object.defineProperty({}, "enrollment", {
        get: () => {
          throw new Error(examples[0])
        },
        enumerable: true,
      }),
    ],
    [
      "an enrollment whose id is an identity number",
      { enrollment: { ...e, id: examples[3] }, attendance: year.attendance },
    ],
    ["an offering that is not in the catalogue", { offering: `__proto__ ${examples[0]}` }],
    ["attendance that is not a list", { enrollment: e, attendance: { length: 3 } }],
    ["a __proto__ key in the records", JSON.parse(`{"__proto__": {"polluted": 1}, "offering": "karategruppe"}`)],
  ]

  it.each(crafted)("%s gives a subject or a RulesError with no identity number in it", (_, records) => {
    try {
      const subject = Records.subject(records as Records.Records, "2024-06-01")
      expect(JSON.stringify(subject)).not.toMatch(/polluted/u)
    } catch (err) {
      expect(err).toBeInstanceOf(RulesError)
      const text = `${(err as Error).message} ${JSON.stringify(err)}`
      for (const id of examples) expect(text).not.toContain(id)
    }
  })

  it("property: arbitrary records give a subject or a RulesError, never showing an identity number", () => {
    const anything = fc.oneof(fc.anything(), nationalIdText, fc.constant(e), fc.constant(year.attendance))
    fc.assert(
      fc.property(
        fc.record(
          {
            citizen: anything,
            offering: fc.oneof(nationalIdText, fc.string(), fc.constant("karategruppe")),
            enrollment: anything,
            attendance: anything,
            extensions: anything,
            goalEvaluations: anything,
            jointMeetings: anything,
            referral: anything,
          },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant("2024-06-01"), nationalIdText, fc.string()),
        (records, date) => {
          try {
            Records.subject(records as Records.Records, date)
          } catch (err) {
            expect(err).toBeInstanceOf(RulesError)
            const text = (err as Error).message
            for (const form of [records.offering, date])
              if (typeof form === "string" && /\d{6}/u.test(form)) expect(text).not.toContain(form)
          }
        },
      ),
      { numRuns: runs },
    )
  })
})
