// The README's example, read from the README itself and run as written in a
// folder of its own (with the repository's examples/ beside it, as in a
// checkout): an edit that breaks it, or output that no longer matches the
// lines the README shows after a console call, fails here.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { examplesOf, plain, runExample, shownOutput } from "../../../scripts/test-setup/readme.js"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const [example = ""] = examplesOf(readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8"))
const dir = fileURLToPath(new URL(`./.readme-example-${process.pid}/`, import.meta.url))
const work = mkdtempSync(join(tmpdir(), "aktivitet-readme-"))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

describe("the README's example", () => {
  it("shows what it prints", () => {
    expect(example).toContain("loadExportFolder(")
    expect(shownOutput(example).length).toBeGreaterThanOrEqual(6)
  })

  it("runs as written, prints what it shows and writes the report and the plan", async () => {
    symlinkSync(join(repo, "examples"), join(work, "examples"), "dir")
    const { lines } = await runExample(example, join(dir, "example.ts"), { cwd: work })
    for (const line of shownOutput(example)) expect(lines).toContain(plain(line))
    expect(existsSync(join(work, "out", "report.html"))).toBe(true)
    expect(readFileSync(join(work, "out", "evalueringsplan.csv"), "utf8").split("\n").length).toBeGreaterThan(5)
  })
})
