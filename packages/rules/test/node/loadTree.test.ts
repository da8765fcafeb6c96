// Case files are read only by those that run cases: `loadTree(dir, { cases:
// false })` leaves them unread, and so do the commands that decide (evaluate,
// explain, replay, impact); `check` reads and runs them as before. And the
// shipped folder is found from a bundle in another package, as
// `aktivitet-report` is built (scripts/cli-bundle.mjs).
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { loadTree, shippedPolicyDir } from "../../src/node/index.js"
import { fixtureDir } from "../helpers.js"

const tmp = () => mkdtempSync(join(tmpdir(), "aktivitet-rules-load-"))

/** A copy of the fixture tree whose karate case file is not YAML. */
const brokenCases = () => {
  const dir = join(tmp(), "policy")
  cpSync(fixtureDir, dir, { recursive: true })
  writeFileSync(join(dir, "eligibility/karate-needs-intake.cases.yaml"), "cases:\n  - name: [unclosed\n")
  return dir
}

const cli = async (argv: Array<string>, stdin = "") => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: () => stdin,
    cwd: tmpdir(),
  })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

const subject = {
  citizen: { id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", birthYear: 1990, departments: ["rpha"] },
  offering: "karategruppe",
  intakeRegistered: true,
}

describe("loadTree with cases: false", () => {
  it("leaves case files unread: no cases and none of their problems, the same rules and parameters", () => {
    const dir = brokenCases()
    const all = loadTree(dir)
    const withoutCases = loadTree(dir, { cases: false })
    expect(all.problems.filter((p) => p.file.endsWith(".cases.yaml")).length).toBeGreaterThan(0)
    expect(all.tree.cases.length).toBeGreaterThan(0)
    expect(withoutCases.problems).toEqual([])
    expect(withoutCases.tree.cases).toEqual([])
    expect(withoutCases.tree.rules).toEqual(all.tree.rules)
    expect([...withoutCases.tree.parameters.keys()]).toEqual([...all.tree.parameters.keys()])
  })

  it("still reports a broken rule file", () => {
    const dir = brokenCases()
    writeFileSync(join(dir, "eligibility/adults-only.json"), "{")
    expect(loadTree(dir, { cases: false }).problems.map((p) => p.file)).toEqual(["eligibility/adults-only.json"])
  })
})

describe("the commands and case files", () => {
  it("evaluate decides with a tree whose case file is broken; check still fails on it", async () => {
    const dir = brokenCases()
    const evaluated = await cli(["evaluate", "--date", "2024-03-01", "--policy", dir, "-"], JSON.stringify(subject))
    expect(evaluated.err).toBe("")
    expect(evaluated.code).toBe(0)
    expect(JSON.parse(evaluated.out).summary).toEqual({ eligibility: { type: "eligible" }, escalations: [] })
    const checked = await cli(["check", dir, "--lang", "en"])
    expect(checked.code).toBe(1)
    expect(checked.err).toContain("eligibility/karate-needs-intake.cases.yaml:")
  })
})

describe("shippedPolicyDir", () => {
  it("is this package's policy folder", () => {
    expect(shippedPolicyDir()).toBe(fileURLToPath(new URL("../../policy/", import.meta.url)).replace(/\/$/u, ""))
  })

  it("is found from a bundle in another package, where Node finds this package", { timeout: 60_000 }, async () => {
    // Another package's dist/cli/, with this package installed beside it as node_modules/@aktivitetsmodell/rules.
    const app = realpathSync(tmp())
    const out = join(app, "node_modules/@aktivitetsmodell/analytics/dist/cli")
    mkdirSync(out, { recursive: true })
    await build({
      entryPoints: [fileURLToPath(new URL("../../src/node/shipped.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: join(out, "chunk.js"),
      logLevel: "silent",
      conditions: ["@aktivitetsmodell/source"],
    })
    const load = async () =>
      (
        (await import(`${pathToFileURL(join(out, "chunk.js")).href}?${Math.random()}`)) as {
          shippedPolicyDir: () => string
        }
      ).shippedPolicyDir
    // Not installed: the folder is missing, and says so.
    const alone = await load()
    // The bundle has its own copy of the class, so it is known by name.
    expect(() => alone()).toThrow(
      expect.objectContaining({
        name: "RulesError",
        text: { en: "The shipped policy folder is missing", nb: "Regelmappen som følger med pakken, mangler" },
      }),
    )
    symlinkSync(
      fileURLToPath(new URL("../..", import.meta.url)),
      join(app, "node_modules/@aktivitetsmodell/rules"),
      "dir",
    )
    const installed = await load()
    expect(realpathSync(installed())).toBe(realpathSync(shippedPolicyDir()))
  })
})
