// Inputs built to make the checks slow or large: a 990 kB unknown name
// ("did you mean" compared it with every known name in a full table: 2½
// minutes, 1.5 GB), a case name of nearly a million characters (a
// backtracking regex: quadratic), a YAML file of 80,000 keys (quadratic
// key and line look-ups), deep nesting. Each must finish and give a short
// message. Work is bounded by construction; the assertions check results
// and the bounds themselves, and only a per-test timeout far above the
// fixed code's time and far below the old code's guards against regression.
import { Catalogue, Suggest } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Cases, Explain, PeriodLength, PolicyTree, Problem, RuleFile, Subject } from "../../src/index.js"
import { isSentence } from "../../src/internal/sentence.js"

const { distance, maxName, suggest } = Suggest

import { filesWith, fileText } from "../helpers.js"

const catalogue = Catalogue.sandnes()
const offerings = catalogue.offerings.map((o) => o.id)

// The old implementations, kept here as the reference the bounded ones must agree with.
const fullDistance = (a: string, b: string): number => {
  const d: Array<Array<number>> = []
  for (let i = 0; i <= a.length; i++) d.push([i, ...Array<number>(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}
const oldSuggest = (name: string, known: ReadonlyArray<string>): string | undefined => {
  let best: string | undefined
  let bestScore = Infinity
  for (const k of known) {
    const score = fullDistance(name.toLowerCase(), k.toLowerCase())
    if (score < bestScore) {
      best = k
      bestScore = score
    }
  }
  const allowed = name.length <= 4 ? 1 : Math.max(2, Math.floor(name.length / 3))
  return best !== undefined && bestScore <= allowed ? best : undefined
}
const oldSentence = /^[A-ZÆØÅ].*\S\s+\S+\s+\S+\s+\S+.*[.!?]$/su

describe('"did you mean"', () => {
  it("gives the same distance as the full table, up to its limit", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "A"), maxLength: 12 })
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        expect(distance(a, b, limit)).toBe(Math.min(fullDistance(a, b), limit + 1))
      }),
      { numRuns: 500 },
    )
  })

  it("suggests what the old unbounded search suggested, for names up to the cap", () => {
    const typo = fc
      .tuple(fc.constantFrom(...offerings), fc.nat(), fc.constantFrom("drop", "swap", "double", "case"))
      .map(([o, at, how]) => {
        const i = at % o.length
        return how === "drop"
          ? o.slice(0, i) + o.slice(i + 1)
          : how === "swap"
            ? o.slice(0, i) + o.slice(i + 1, i + 2) + o.slice(i, i + 1) + o.slice(i + 2)
            : how === "double"
              ? o.slice(0, i) + o[i] + o.slice(i)
              : o.toUpperCase()
      })
    fc.assert(
      fc.property(fc.oneof(typo, fc.string({ maxLength: 20 })), (name) => {
        expect(suggest(name, offerings)).toBe(oldSuggest(name, offerings))
      }),
      { numRuns: 300 },
    )
  })

  it("stops early: a row over the limit ends the comparison", () => {
    // With the limit 2, two 64-character names that share nothing are given
    // up after three rows rather than filling 64 × 64 cells.
    expect(distance("a".repeat(maxName), "b".repeat(maxName), 2)).toBe(3)
  })

  it("offers nothing for a name longer than the cap, and never quotes it whole", { timeout: 20_000 }, () => {
    const name = "x".repeat(990_000)
    expect(suggest(name, offerings)).toBeUndefined()
    const r = Subject.decode({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: name }, catalogue)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.pointer)).toEqual(["/offering"])
    expect(r.problems[0]!.message.en.length).toBeLessThan(200)
  })

  it("checks a case file with a 990 kB unknown offering in its subject, with a short message", {
    timeout: 20_000,
  }, () => {
    const file = "eligibility/adults-only.cases.yaml"
    const text = fileText(file).replace("offering: sandneshallen", `offering: ${"x".repeat(990_000)}`)
    const { problems } = PolicyTree.load(filesWith({ [file]: text }))
    const mine = problems.filter((p) => p.file === file)
    expect(mine.map((p) => [p.code, p.pointer])).toEqual([["case-subject", "/cases/0/subject/offering"]])
    expect(Problem.format(mine[0]!).length).toBeLessThan(300)
  })
})

describe("a case's name", () => {
  it("is judged a sentence exactly as the old regex judged it", () => {
    const text = fc.string({
      unit: fc.constantFrom("A", "Ø", "a", "b", " ", "\n", "\t", ".", "!", "?", "x"),
      maxLength: 16,
    })
    fc.assert(
      fc.property(text, (s) => {
        expect(isSentence(s)).toBe(oldSentence.test(s))
      }),
      { numRuns: 2000 },
    )
  })

  it("of nearly a million characters is checked in one pass", { timeout: 20_000 }, () => {
    // The old regex backtracked quadratically: 240,000 characters took 16 s,
    // so this one (four times longer) would take minutes.
    const name = `A${" a".repeat(495_000)}`
    expect(isSentence(name)).toBe(false)
    const file = "eligibility/adults-only.cases.yaml"
    const text = `cases:\n  - name: "${name}"\n    date: 2024-01-01\n    subject: { citizen: { birthYear: 1990, departments: [rpha] }, offering: sandneshallen }\n    expect: eligible\n`
    const { problems } = PolicyTree.load(filesWith({ [file]: text }))
    expect(problems.filter((p) => p.file === file).map((p) => [p.code, p.pointer, p.message.en])).toEqual([
      [
        "shape",
        "/cases/0/name",
        "A case's name is a whole sentence: a capital letter first, at least four words, a full stop last",
      ],
    ])
  })

  it("that fails is quoted short in the failure message", () => {
    const file = "eligibility/adults-only.cases.yaml"
    const name = `A citizen ${"who is very patient ".repeat(100)}may not take part.`
    const text = `cases:\n  - name: "${name}"\n    date: 2024-01-01\n    subject: { citizen: { birthYear: 1990, departments: [rpha] }, offering: sandneshallen }\n    expect: not-eligible\n`
    const tree = PolicyTree.loadOrThrow(filesWith({ [file]: text }))
    const failed = Cases.run(tree).problems.filter((p) => p.file === file)
    expect(failed.map((p) => p.code)).toEqual(["case-failed"])
    expect(failed[0]!.message.en).toMatch(
      /^Case "A citizen who is very patient who is .{150,}…": expected not-eligible, got eligible/u,
    )
    expect(failed[0]!.message.en.length).toBeLessThan(400)
  })
})

describe("other text checks on user input", () => {
  it("stay linear on 240,000-character adversarial texts", { timeout: 20_000 }, () => {
    const n = 240_000
    expect(PeriodLength.parse(`P${"1".repeat(n)}`)).toBeUndefined()
    expect(Explain.value(`P${"1".repeat(n)}`, undefined, catalogue, "en")).toHaveLength(n + 1)
    expect(RuleFile.idOf(`eligibility/${"a-".repeat(n / 2)}!.json`)?.kind).toBe("eligibility")
    const longPath = `eligibility/${"a-".repeat(n / 2)}!.json`
    const { problems } = PolicyTree.load([{ path: longPath, text: "{}" }])
    expect(problems.find((p) => p.file === longPath && p.pointer === "")?.message.en).toMatch(
      /^The path gives the rule id "eligibility\/a-a-.*…"; use lowercase/u,
    )
    const source = JSON.parse(fileText("eligibility/adults-only.json"))
    source.source = { document: "x", section: "y", lines: `${"1".repeat(n)}x`, url: `https://${"a".repeat(n)} ` }
    const r = PolicyTree.load(filesWith({ "eligibility/adults-only.json": JSON.stringify(source) }))
    expect(r.problems.filter((p) => p.file === "eligibility/adults-only.json").map((p) => p.pointer)).toEqual([
      "/source/lines",
      "/source/url",
    ])
  })
})

describe("large and deep files", () => {
  it("a YAML file of 80,000 unknown keys is checked in linear time", { timeout: 60_000 }, () => {
    // Duplicate-key checks and line look-ups each scanned the map: minutes.
    const text = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join("\n")
    const { problems } = PolicyTree.load([{ path: "eligibility/many.cases.yaml", text }])
    const mine = problems.filter((p) => p.file === "eligibility/many.cases.yaml")
    expect(mine.length).toBe(80_001)
    expect(mine.at(-2)).toMatchObject({ pointer: "/k79999", line: 80_000 })
    expect(mine.at(-1)).toMatchObject({ pointer: "", message: { en: 'Missing "cases"' } })
  })

  it("duplicate YAML keys are still refused, with their line", () => {
    const { problems } = PolicyTree.load([
      { path: "eligibility/d.cases.yaml", text: "cases: []\nx:\n  a: 1\n  a: 2\ncases: 3\n" },
    ])
    expect(problems.filter((p) => p.file === "eligibility/d.cases.yaml").map((p) => [p.line, p.message.en])).toEqual([
      [4, 'The key "a" appears twice in the same place: remove one of them'],
      [5, 'The key "cases" appears twice in the same place: remove one of them'],
    ])
  })

  it("deep nesting is refused, not a stack overflow", { timeout: 20_000 }, () => {
    const json = PolicyTree.load([
      { path: "eligibility/deep.json", text: `${"[".repeat(400_000)}${"]".repeat(400_000)}` },
    ]).problems
    expect(json.find((p) => p.file === "eligibility/deep.json")?.code).toBe("syntax")
    const yaml = PolicyTree.load([
      { path: "eligibility/deep.cases.yaml", text: `cases: ${"[".repeat(100_000)}${"]".repeat(100_000)}` },
    ]).problems
    expect(yaml.find((p) => p.file === "eligibility/deep.cases.yaml")?.code).toBe("syntax")
  })

  it("a text over the character cap is refused before parsing", () => {
    const { problems } = PolicyTree.load([{ path: "eligibility/big.json", text: " ".repeat(PolicyTree.maxChars + 1) }])
    expect(problems.find((p) => p.file === "eligibility/big.json")).toMatchObject({
      code: "too-large",
      message: { en: "The file has 1000001 characters; a policy file may have at most 1000000" },
    })
  })
})
