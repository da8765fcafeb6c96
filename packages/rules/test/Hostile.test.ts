// A hostile rule file must never run code: not through path expressions
// (jsonpath-plus can evaluate script), custom operators, event handlers,
// prototype keys, or strings that try to break out of generated source.
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import type { RuleSet } from "../src/InForce.js"
import { Compile, Engine, Facts, PolicyTree, Problem } from "../src/index.js"
import { filesWith } from "./helpers.js"

const g = globalThis as { pwned?: unknown }
afterEach(() => {
  delete g.pwned
})

const breakout = '"; globalThis.pwned = true; //\u2028*/ </script>'

const hostile = `{
  "title": { "nb": "Fiendtlig", "en": "Hostile" },
  "description": { "nb": "Prøver å kjøre kode", "en": "Tries to run code" },
  "source": { "url": "https://example.org/" },
  "operators": { "pwn": "function () { globalThis.pwned = true }" },
  "versions": [
    {
      "effective": { "from": "2023-03-09" },
      "conditions": {
        "all": [
          { "fact": "age", "operator": "greaterThan", "value": 1, "path": "$..[?(@.constructor.constructor('globalThis.pwned = true')())]" },
          { "fact": "offering", "operator": "pwn", "value": "karategruppe" },
          { "condition": "shared" },
          { "fact": "constructor", "operator": "equal", "value": { "fact": "__proto__" } },
          { "fact": "age", "operator": "equal", "value": { "fact": "ors", "path": "$[(globalThis.pwned = true)]" } },
          { "__proto__": { "fact": "age" }, "operator": "equal", "value": 1 },
          { "fact": "age", "operator": "equal", "value": 18, "priority": 99 }
        ]
      },
      "event": { "type": "eligible" },
      "onSuccess": "globalThis.pwned = true",
      "otherwise": { "type": "not-eligible" }
    }
  ]
}
`

describe("a hostile rule file", () => {
  it("is rejected, with a reason for each attempt, and runs nothing", () => {
    const { tree, problems } = PolicyTree.load(filesWith({ "eligibility/hostile.json": hostile }))
    expect(problems.map((p) => Problem.format(p, "en"))).toEqual([
      'eligibility/hostile.json:5: "operators" is not allowed: rule files cannot define operators (at /operators)',
      'eligibility/hostile.json:21: Unknown key "onSuccess" (at /versions/0/onSuccess)',
      'eligibility/hostile.json:11: "path" is not allowed: rule files may not use path expressions; json-rules-engine evaluates them with jsonpath-plus, which can run script. Use a fact from the catalogue instead (at /versions/0/conditions/all/0/path)',
      'eligibility/hostile.json:13: "condition" is not allowed: shared condition references are not supported; write the conditions out in the rule (at /versions/0/conditions/all/2/condition)',
      'eligibility/hostile.json:13: Missing "all" (at /versions/0/conditions/all/2)',
      'eligibility/hostile.json:15: "path" is not allowed: rule files may not use path expressions; json-rules-engine evaluates them with jsonpath-plus, which can run script. Use a fact from the catalogue instead (at /versions/0/conditions/all/4/value/path)',
      'eligibility/hostile.json:16: Unknown key "__proto__" (at /versions/0/conditions/all/5/__proto__)',
      'eligibility/hostile.json:16: Missing "fact" (at /versions/0/conditions/all/5)',
      'eligibility/hostile.json:17: "priority" is not allowed: priorities make json-rules-engine skip conditions, so an explanation would miss them (at /versions/0/conditions/all/6/priority)',
    ])
    expect(tree.rules.some((r) => r.id === "eligibility/hostile")).toBe(false)
    expect(g.pwned).toBeUndefined()
  })

  it("with the shape fixed, still fails on its unknown fact and operator names", () => {
    const names = `{
  "title": { "nb": "Fiendtlig", "en": "Hostile" },
  "description": { "nb": "Prøver å kjøre kode", "en": "Tries to run code" },
  "source": { "url": "https://example.org/" },
  "versions": [
    {
      "effective": { "from": "2023-03-09" },
      "conditions": {
        "all": [
          { "fact": "offering", "operator": "pwn", "value": "karategruppe" },
          { "fact": "constructor", "operator": "equal", "value": { "fact": "__proto__" } }
        ]
      },
      "event": { "type": "eligible" },
      "otherwise": { "type": "not-eligible" }
    }
  ]
}
`
    const { problems } = PolicyTree.load(filesWith({ "eligibility/hostile.json": names }))
    expect(problems.map((p) => Problem.format(p, "en"))).toEqual([
      'eligibility/hostile.json:10: Unknown operator "pwn" (at /versions/0/conditions/all/0/operator)',
      'eligibility/hostile.json:11: Unknown fact "constructor" (at /versions/0/conditions/all/1/fact)',
      'eligibility/hostile.json:11: Unknown fact "__proto__" (at /versions/0/conditions/all/1/value/fact)',
    ])
    expect(g.pwned).toBeUndefined()
  })
})

describe("a hostile case file", () => {
  it("cannot exhaust memory with YAML aliases or smuggle in a function", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "cases: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n")
    const tagged = "cases: !!js/function 'function () { globalThis.pwned = true }'\n"
    const format = (text: string) =>
      PolicyTree.load(filesWith({ "eligibility/adults-only.cases.yaml": text }))
        .problems.filter((p) => p.file === "eligibility/adults-only.cases.yaml")
        .map((p) => Problem.format(p, "en"))
    expect(format(bomb)).toEqual([
      "eligibility/adults-only.cases.yaml:1: YAML aliases (*name) repeat too much (Excessive alias count indicates a resource exhaustion attack): write the values out instead",
    ])
    expect(format(tagged)).toEqual(["eligibility/adults-only.cases.yaml:1: Expected a list, got a text (at /cases)"])
    expect(g.pwned).toBeUndefined()
  })
})

describe("the compiler, given a rule set that skipped validation", () => {
  const set = (conditions: unknown, parameters: Array<[string, number | string]> = []): RuleSet =>
    ({ rules: [{ id: "x", conditions }], parameters: new Map(parameters) }) as unknown as RuleSet

  it("refuses a fact name that is not in the catalogue", () => {
    const bad = set({ all: [{ fact: "age; globalThis.pwned = true", operator: "equal", value: 1 }] })
    expect(() => Compile.compile(bad, { mode: "source" })).toThrow(
      'Unknown fact "age; globalThis.pwned = true" / Ukjent faktum «age; globalThis.pwned = true»',
    )
    expect(() => Compile.compile(set({ all: [{ fact: "__proto__", operator: "equal", value: 1 }] }))).toThrow(
      Compile.CompileError,
    )
    expect(g.pwned).toBeUndefined()
  })

  it("refuses an unknown operator and an unknown parameter", () => {
    expect(() => Compile.compile(set({ all: [{ fact: "age", operator: "pwn", value: 1 }] }))).toThrow(
      'Unknown operator "pwn"',
    )
    expect(() =>
      Compile.compile(
        set({
          all: [
            {
              fact: "age",
              operator: "equal",
              value: { fact: "parameter", params: { name: 'x"; globalThis.pwned = 1; //' } },
            },
          ],
        }),
      ),
    ).toThrow(
      // The name is quoted JSON-style, so its quote mark cannot end the message's own.
      'Unknown parameter "x\\"; globalThis.pwned = 1; //"',
    )
  })

  it("puts a string that tries to break out into the source as a JSON literal only", () => {
    const rules = set(
      {
        all: [
          { fact: "offering", operator: "equal", value: breakout },
          { fact: "offering", operator: "in", value: [breakout, "a"] },
        ],
      },
      [["p", breakout]],
    )
    for (const mode of ["source", "closures"] as const) {
      const program = Compile.compile(rules, { mode })
      const out = new Uint8Array(1)
      program.run({ offering: breakout }, out)
      expect(out[0]).toBe(1)
      program.run({ offering: "karategruppe" }, out)
      expect(out[0]).toBe(2)
    }
    expect(Compile.compile(rules, { mode: "source" }).source).toContain(JSON.stringify(breakout))
    expect(g.pwned).toBeUndefined()
  })
})

describe("the generated source", () => {
  const set = (conditions: unknown, parameters: Array<[string, unknown]> = [], id = "x"): RuleSet =>
    ({ rules: [{ id, conditions }], parameters: new Map(parameters) }) as unknown as RuleSet
  // Every way a text can try to leave a string literal or a script: quotes,
  // backslashes, line and paragraph separators, lone surrogates, </script>.
  const nasty = fc.oneof(
    fc.string({ unit: "binary", maxLength: 24 }),
    fc.constantFrom(
      breakout,
      "\\",
      '\\"',
      "\u2028\u2029",
      "\ud800",
      "</script><script>globalThis.pwned=1</script>",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder in plain text is the attack tried here.
      "${globalThis.pwned = 1}",
      "`",
      "*/",
      "\u0000",
    ),
  )

  it("holds any text only as its JSON literal, and agrees with the closures", () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, (literal, listItem, parameter) => {
        const rules = set(
          {
            all: [
              { fact: "offering", operator: "notEqual", value: literal },
              { fact: "offering", operator: "notIn", value: [listItem, literal] },
              { fact: "offering", operator: "notEqual", value: { fact: "parameter", params: { name: "p" } } },
            ],
          },
          [["p", parameter]],
          literal,
        )
        const source = Compile.compile(rules, { mode: "source" })
        const closures = Compile.compile(rules, { mode: "closures" })
        for (const text of [literal, listItem, parameter]) expect(source.source).toContain(JSON.stringify(text))
        for (const offering of [literal, listItem, parameter, "karategruppe"]) {
          const a = new Uint8Array(1)
          const b = new Uint8Array(1)
          source.run({ offering }, a)
          closures.run({ offering }, b)
          expect(a[0]).toBe(b[0])
        }
        expect(g.pwned).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })

  it("reads only catalogue facts, and never spells a rule id", () => {
    const program = Compile.compile(
      set(
        {
          any: [
            { fact: "age", operator: "lessThan", value: 18 },
            { fact: "ors", operator: "greaterThan", value: 1 },
          ],
        },
        [],
        breakout,
      ),
      { mode: "source" },
    )
    const reads = [...(program.source ?? "").matchAll(/\bf\.([A-Za-z0-9_$]+)/gu)].map((m) => m[1])
    expect(reads.length).toBe(2)
    for (const name of reads) expect(Facts.names).toContain(name)
    expect(program.source).not.toContain("pwned")
  })

  it("passes an object, a nested or sparse list and a non-finite number by reference, not as text", () => {
    const object = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
    ) as unknown
    // biome-ignore lint/suspicious/noSparseArray: a list with a hole is one of the hostile values tried.
    const values: Array<unknown> = [object, [[1]], [1, , 2], Number.NaN, Number.POSITIVE_INFINITY, undefined]
    const program = Compile.compile(
      set(
        {
          all: values.map((_, i) => ({
            fact: "offering",
            operator: "equal",
            value: { fact: "parameter", params: { name: `p${i}` } },
          })),
        },
        values.map((v, i) => [`p${i}`, v]),
      ),
      {
        mode: "source",
      },
    )
    expect(program.source).not.toContain("__proto__")
    expect(program.source).not.toContain("polluted")
    expect(program.source?.match(/K\[\d+\]/gu)).toHaveLength(values.length)
    const out = new Uint8Array(1)
    program.run({ offering: "x" }, out)
    expect(out[0]).toBe(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("the engine path", () => {
  it("never hands a path expression to jsonpath-plus", async () => {
    const runner = Engine.runner({
      rules: [
        {
          id: "x",
          conditions: {
            all: [{ fact: "citizenDepartments", operator: "equal", value: 1, path: "$[?(globalThis.pwned = true)]" }],
          },
        },
      ],
      parameters: new Map(),
    } as unknown as RuleSet)
    await expect(runner.run({ citizenDepartments: ["rpha"] })).rejects.toThrow(
      "Path expressions are not allowed in rule files",
    )
    expect(g.pwned).toBeUndefined()
  })
})
