import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { PolicyTree, RuleFile } from "../src/index.js"
import { fileText } from "./helpers.js"

const messages = (input: unknown, file = "eligibility/x.json") =>
  RuleFile.decode(input, file).findings.map((f) => `${f.pointer}: ${f.message.en}`)

const minimal = (version: Record<string, unknown>) => ({
  title: { nb: "T", en: "T" },
  description: { nb: "D", en: "D" },
  source: { document: "Mestringsenhetens modell for aktivitet", section: "Organisering" },
  versions: [
    {
      effective: { from: "2023-03-09" },
      conditions: { all: [] },
      event: { type: "eligible" },
      otherwise: { type: "not-eligible" },
      ...version,
    },
  ],
})

describe("RuleFile.decode", () => {
  it("decodes a shipped rule with its id, kind and numbered versions", () => {
    const { rule, findings } = RuleFile.decode(
      JSON.parse(fileText("duration/session-limit.json")),
      "duration/session-limit.json",
    )
    expect(findings).toEqual([])
    expect(rule?.id).toBe("duration/session-limit")
    expect(rule?.kind).toBe("duration")
    expect(rule?.versions.map((v) => [v.number, v.effective])).toEqual([[1, { from: "2023-03-09" }]])
  })

  it("says what is missing, unknown or misspelt", () => {
    expect(messages({ title: { nb: "T" }, versjons: [] })).toEqual([
      '/versjons: Unknown key "versjons"; did you mean "versions"?',
      '/title: Missing "en"',
      ': Missing "description"',
      ': Missing "source"',
      ': Missing "versions"',
    ])
  })

  it("wants json-rules-engine's root of all, any or not", () => {
    expect(messages(minimal({ conditions: { fact: "age", operator: "equal", value: 1 } }))).toEqual([
      '/versions/0/conditions: The root of a condition tree must be "all", "any" or "not", as json-rules-engine requires',
    ])
  })

  it("keeps params for the parameter fact and rejects it elsewhere", () => {
    expect(
      messages(
        minimal({
          conditions: {
            all: [
              { fact: "age", operator: "equal", value: 1, params: { name: "x" } },
              { fact: "parameter", operator: "equal", value: 1 },
            ],
          },
        }),
      ),
    ).toEqual([
      '/versions/0/conditions/all/0/params: "params" is only for the fact "parameter"',
      '/versions/0/conditions/all/1: The fact "parameter" needs "params": { "name": "<parameter>" }',
    ])
  })

  it("rejects values that are not JSON scalars, lists of them or references", () => {
    expect(
      messages(
        minimal({
          conditions: {
            all: [
              { fact: "age", operator: "in", value: [[1]] },
              { fact: "age", operator: "equal", value: { code: "x" } },
            ],
          },
        }),
      ),
    ).toEqual([
      "/versions/0/conditions/all/0/value/0: Expected a text, number, true/false or null, got a list",
      '/versions/0/conditions/all/1/value/code: Unknown key "code"',
      '/versions/0/conditions/all/1/value: Missing "fact"',
    ])
  })

  it("rejects a rule file outside the kinds' folders", () => {
    expect(messages(minimal({}), "rules/x.json")).toEqual([
      ": A rule file must be in eligibility, duration, escalation",
    ])
  })

  it("limits how deep conditions nest", () => {
    let c: unknown = { fact: "age", operator: "equal", value: 1 }
    for (let i = 0; i < 30; i++) c = { not: c }
    expect(
      messages(minimal({ conditions: { all: [c] } })).some((m) => m.endsWith("Conditions may nest at most 24 levels")),
    ).toBe(true)
    // The deepest tree allowed, all of "all" (an object and a list a level), decodes; one more level gets the same message.
    const nested = (levels: number): unknown => {
      let t: unknown = { fact: "age", operator: "equal", value: 1 }
      for (let i = 0; i < levels; i++) t = { all: [t] }
      return t
    }
    expect(messages(minimal({ conditions: nested(24) }))).toEqual([])
    expect(messages(minimal({ conditions: nested(25) }))).toEqual([
      "/versions/0/conditions: Conditions may nest at most 24 levels",
    ])
    // Far deeper input is refused before decoding, so nothing recurses through it.
    expect(messages(minimal({ conditions: nested(5000) }))).toEqual([": The file nests more than 64 levels deep"])
  })

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (u) =>
        Array.isArray(RuleFile.decode(u, "eligibility/x.json").findings),
      ),
    )
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (u) =>
        Array.isArray(RuleFile.decode(minimal({ conditions: u }), "eligibility/x.json").findings),
      ),
    )
  })

  it("loads any text without throwing, reporting what it cannot read", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const { problems } = PolicyTree.load([{ path: "eligibility/x.json", text }])
          return problems.every((p) => p.file === "eligibility/x.json" || p.file.startsWith("parameters/"))
        },
      ),
      { numRuns: 200 },
    )
  })

  it("lists every comparison with its pointer", () => {
    expect(
      RuleFile.leaves(
        { any: [{ fact: "a", operator: "equal", value: 1 }, { not: { fact: "b", operator: "equal", value: 2 } }] },
        "/c",
      ).map(([l, p]) => `${p} ${l.fact}`),
    ).toEqual(["/c/any/0 a", "/c/any/1/not b"])
  })
})
