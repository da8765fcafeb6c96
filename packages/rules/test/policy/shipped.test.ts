// The shipped policy, tested only through what its editor maintains: its
// files load, every case passes, every rule has cases, the cases reach every
// outcome and condition side, and `aktivitet-rules check` passes. Nothing
// here names a rule, a number or a count, so a policy edit made the way
// docs/policy-editing.md describes keeps it green. AKTIVITET_POLICY_DIR
// points these tests at another tree (the walkthrough test uses it).
import { describe, expect, it } from "vitest"
import { run as cli } from "../../src/cli/main.js"
import { Cases, PolicyTree, Problem } from "../../src/index.js"
import { readTreeFiles } from "../../src/node/index.js"
import { policyDirUnderTest } from "../helpers.js"

const dir = policyDirUnderTest()
const files = readTreeFiles(dir)

describe(`the policy tree in ${dir}`, () => {
  const { tree, problems } = PolicyTree.load(files)
  const { results, problems: failures, coverage } = Cases.run(tree)

  it("loads without errors", () => {
    expect(problems.filter((p) => p.severity === "error").map((p) => Problem.format(p, "en"))).toEqual([])
  })

  it("passes every case", () => {
    expect(failures.map((p) => Problem.format(p, "en"))).toEqual([])
    expect(results.length).toBeGreaterThan(0)
    expect(results.filter((r) => !r.ok)).toEqual([])
  })

  it("has a case file beside every rule", () => {
    expect(tree.cases.map((c) => c.rule).sort()).toEqual(tree.rules.map((r) => r.id).sort())
  })

  it("reaches every outcome and both sides of every condition with a case", () => {
    expect(coverage.problems.map((p) => Problem.format(p, "en"))).toEqual([])
    expect(coverage.percent).toBe(100)
  })

  it("points every file at its JSON Schema, so editors help", () => {
    for (const f of files) {
      const depth = f.path.split("/").length
      const kind = f.path.startsWith("parameters/")
        ? "parameter-file"
        : f.path.includes(".cases.")
          ? "cases-file"
          : "rule-file"
      if (f.path.endsWith(".json"))
        expect(JSON.parse(f.text).$schema, f.path).toBe(`${"../".repeat(depth)}json-schema/${kind}.schema.json`)
      else
        expect(f.text.split("\n")[0], f.path).toBe(
          `# yaml-language-server: $schema=${"../".repeat(depth)}json-schema/${kind}.schema.json`,
        )
    }
  })

  it("passes aktivitet-rules check", async () => {
    const out: Array<string> = []
    const err: Array<string> = []
    const code = await cli(["check", dir, "--lang", "en"], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      stdin: () => "",
      cwd: process.cwd(),
    })
    expect(err).toEqual([])
    expect(out.at(-1)).toBe("OK: the policy tree is valid, every case passes and the coverage is met")
    expect(code).toBe(0)
  })
})
