// The README's example, read from the README itself and run as written: an
// edit to the README that breaks it, or output that no longer matches the
// lines the README shows, fails here.
import { readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { examplesOf, plain, runExample, shownOutput } from "../../../scripts/test-setup/readme.js"

const [example = ""] = examplesOf(readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8"))
const dir = fileURLToPath(new URL(`./.readme-example-${process.pid}/`, import.meta.url))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the README's example", () => {
  it("runs as written and prints the lines the README shows", async () => {
    expect(example).toContain("Decision.decide(")
    const shown = shownOutput(example)
    expect(shown.length).toBeGreaterThan(5)
    // `export` lets the test read the result the README comments on.
    const { lines, module } = await runExample(example, join(dir, "example.ts"), { epilogue: "export { result }" })
    const result = module.result as { summary: { eligibility?: unknown } }
    expect(result.summary.eligibility).toEqual({ type: "not-eligible" })
    for (const line of shown) expect(lines).toContain(plain(line))
  })
})
