import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import Ajv2020 from "ajv/dist/2020.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CaseFile, Facts, JsonSchema, Operators, PolicyTree, RuleFile, Subject } from "../src/index.js"
import { parse } from "../src/internal/parse.js"
import { readTreeFiles, shippedPolicyDir } from "../src/node/index.js"
import { filesWith, fixtureFiles, type Loose } from "./helpers.js"

const committed = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../json-schema/${name}.schema.json`, import.meta.url)), "utf8"),
  ) as Loose

describe("JsonSchema", () => {
  it("matches the committed files (run npm run json-schema -w @aktivitetsmodell/rules after a change)", () => {
    for (const name of JsonSchema.names)
      expect(committed(name)).toEqual(JSON.parse(JSON.stringify(JsonSchema.of(name))))
  })

  it("offers every fact and operator for autocompletion", () => {
    const rule = JsonSchema.of("rule-file") as Loose
    expect(rule.$defs.Comparison.properties.fact.$ref).toBe("#/$defs/FactName")
    expect(rule.$defs.FactName.enum).toEqual(Facts.names)
    expect(rule.$defs.OperatorName.enum).toEqual(Operators.names)
    expect(rule.$defs.Outcome.allOf[1].then.properties.params.properties.to.enum).toEqual([
      "extended-leadership-group",
      "activity-lead",
      "therapist",
      "activity-team",
    ])
  })

  it("publishes the Subject shape from the same effect Schema that Subject.decode uses, closed to unknown fields", () => {
    const doc = JsonSchema.of("subject") as Loose
    expect(doc.$ref).toBe("#/$defs/Subject")
    expect(Object.keys(doc.$defs.Subject.properties).sort()).toEqual(Object.keys(Subject.Subject.fields).sort())
    expect(Object.keys(doc.$defs.SubjectEnrollment.properties).sort()).toEqual(
      Object.keys(Subject.SubjectEnrollment.fields).sort(),
    )
    expect(doc.$defs.Subject.additionalProperties).toBe(false)
    expect(doc.$defs.OfferingId.enum).toContain("mindfull-restorative-yoga")
  })
})

// The published JSON Schema and the decoder come from one effect Schema per
// file kind: an editor's validator and the loader must agree on every file.
describe("the published JSON Schema agrees with the decoders", () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  const validators = {
    rule: ajv.compile(JsonSchema.of("rule-file")),
    parameter: ajv.compile(JsonSchema.of("parameter-file")),
    cases: ajv.compile(JsonSchema.of("cases-file")),
  }
  const kindOf = (path: string): keyof typeof validators | undefined =>
    CaseFile.isCaseFile(path)
      ? "cases"
      : path.startsWith("parameters/")
        ? "parameter"
        : RuleFile.idOf(path) === undefined
          ? undefined
          : "rule"
  const read = (path: string, text: string): unknown => {
    const p = parse(path, text)
    if (!p.ok) throw new Error(`${path} does not parse`)
    return p.value
  }
  const files = [...readTreeFiles(shippedPolicyDir()), ...fixtureFiles].filter((f) => kindOf(f.path) !== undefined)

  it("accepts every file of the shipped and the fixture policy", () => {
    expect(files.length).toBeGreaterThan(80)
    for (const f of files) {
      const validate = validators[kindOf(f.path)!]
      expect(validate(read(f.path, f.text)), `${f.path}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true)
    }
  })

  const rules = fixtureFiles.filter((f) => kindOf(f.path) === "rule")
  const parameters = fixtureFiles.filter((f) => kindOf(f.path) === "parameter")
  // What the loader says of one changed file: its shape, then the catalogue's names (Validate).
  const loaded = (doc: unknown, path: string) =>
    PolicyTree.load(filesWith({ [path]: JSON.stringify(doc) })).problems.filter(
      (p) => p.file === path && p.severity === "error",
    )
  // Edits a policy officer might make by mistake, at any place in a file.
  const mistakes = fc.constantFrom("drop", "unknown", "number", "list", "empty")
  const places = (u: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
    if (typeof u !== "object" || u === null) return [at]
    const keys: Array<string | number> = Array.isArray(u) ? u.map((_, i) => i) : Object.keys(u)
    return [at, ...keys.flatMap((k) => places((u as Loose)[k], [...at, k]))]
  }
  const mistake = (doc: Loose, at: Array<string | number>, kind: string): boolean => {
    if (at.length === 0) return false
    const parent = at.slice(0, -1).reduce((o, k) => o[k], doc)
    const key = at[at.length - 1]!
    const old = parent[key]
    if (kind === "drop" && !Array.isArray(parent)) delete parent[key]
    else if (kind === "unknown" && typeof old === "object" && old !== null && !Array.isArray(old)) old.notAKey = 1
    else if (kind === "number" && typeof old === "string") parent[key] = 7
    else if (kind === "list" && !Array.isArray(old)) parent[key] = [old]
    else if (kind === "empty" && typeof old === "string") parent[key] = ""
    else return false
    return true
  }

  for (const [name, pool] of [
    ["rule files", rules],
    ["parameter files", parameters],
  ] as const) {
    it(`refuse the same mistakes in ${name}`, () => {
      let tried = 0
      fc.assert(
        fc.property(fc.constantFrom(...pool), fc.nat(), mistakes, (file, pick, kind) => {
          const doc = read(file.path, file.text) as Loose
          const at = places(doc)
          if (!mistake(doc, at[pick % at.length]!, kind)) return
          const problems = loaded(doc, file.path)
          const schemaRefuses = !validators[kindOf(file.path)!](doc)
          const where = `${file.path} ${JSON.stringify(at[pick % at.length])} ${kind}`
          // What the JSON Schema refuses, the loader refuses too.
          if (schemaRefuses) expect(problems.length, where).toBeGreaterThan(0)
          // The loader may refuse more, only where JSON Schema cannot say it: date order, a value of the wrong
          // type for its parameter, a name or code missing from the catalogues.
          if (!schemaRefuses)
            for (const p of problems)
              expect(
                p.code.startsWith("unknown-") ||
                  ["type-mismatch", "period-order", "dated-by", "coverage", "case-failed"].includes(p.code),
                `${where}: ${p.code}`,
              ).toBe(true)
          tried++
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
      )
      expect(tried).toBeGreaterThan(50)
    })
  }
})
