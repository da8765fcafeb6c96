// The browser path stays small: eligibility decisions with explanations,
// bundled and minified with the shipped policy's eligibility snapshot, fit
// in 40 KiB gzipped, with no schema library, YAML parser or rule engine in
// the bundle; and the bundle itself decides and explains as the package does.
import { describe, expect, it } from "vitest"
import { leanPage, measure, targetBytes } from "../../bench/decideSize.js"
import { Decision, Explain, Snapshot, Subject } from "../../src/index.js"
import { loadTreeOrThrow } from "../../src/node/index.js"
import { policyDirUnderTest } from "../helpers.js"

describe("the decide entry in a browser bundle", () => {
  const tree = loadTreeOrThrow(policyDirUnderTest())
  const snapshot = Snapshot.of(tree, { kinds: ["eligibility"] })
  const bundle = measure(leanPage, snapshot, { sources: true })

  it("is at most 40 KiB gzipped with the shipped eligibility rules", async () => {
    const { gzipBytes } = await bundle
    expect(gzipBytes).toBeGreaterThan(1024)
    expect(gzipBytes).toBeLessThanOrEqual(targetBytes)
  })

  it("holds no schema library, parser, rule engine, rule-file decoder or catalogue", async () => {
    const paths = (await bundle).inputs.map((i) => i.path)
    expect(paths.filter((p) => /node_modules\/(effect|yaml|json-rules-engine)\//u.test(p))).toEqual([])
    const heavy = ["IsoDate", "Category", "Offering", "Catalogue"]
      .map((m) => `../core/src/${m}.ts`)
      .concat(
        ["RuleFile", "Parameters", "PolicyTree", "Source", "Subject", "Facts", "Snapshot"].map((m) => `src/${m}.ts`),
      )
    expect(paths.filter((p) => heavy.includes(p) || p.endsWith("offerings.json"))).toEqual([])
    expect(paths).toEqual(
      expect.arrayContaining(["src/internal/decideOn.ts", "src/internal/explain.ts", "../core/src/Policy.ts"]),
    )
  })

  it("runs: the bundled page checks, decides and explains as the package does", async () => {
    const page = (await import(
      `data:text/javascript;base64,${Buffer.from((await bundle).code).toString("base64")}`
    )) as { run: (input: unknown, date: string) => ReadonlyArray<string> }
    const input = { citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }
    const full = Decision.decide(tree, Subject.make(input), "2024-03-01")
    const lines = page.run(input, "2024-03-01")
    expect(lines[0]).toBe("Kan ikke delta")
    expect(lines.slice(1).map((l) => l.split("\n")[0])).toEqual(
      full.decisions.filter((d) => d.kind === "eligibility").map((d) => Explain.decision(d, tree, "nb").split("\n")[0]),
    )
    expect(page.run({ citizen: { departments: ["rpha"] }, offering: "karate" }, "2024-03-01")).toEqual([
      "Ukjent tilbud «karate»; mente du «karategruppe»?",
      "Innbyggeren trenger «birthYear» eller «birthDate»",
    ])
  })
})
