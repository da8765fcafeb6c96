// The README's example, read from the README itself and run as written: an
// edit to the README that breaks it, or output that no longer matches the
// lines the README shows, fails here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it, vi } from "vitest"

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8")
const example = /^```ts\n([\s\S]*?)^```/mu.exec(readme)?.[1] ?? ""

/** The comment lines right after the example's `console.log(…)`: what the README says it prints. */
const shownOutput = (code: string): Array<string> => {
  const lines = code.split("\n")
  const at = lines.findIndex((l) => l.startsWith("console.log("))
  const out: Array<string> = []
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith("// ")) break
    if (l !== "// …") out.push(l.slice(3))
  }
  return out
}

// Vite transforms files inside the project only: the example is written beside this test, then removed.
const dir = fileURLToPath(new URL(`./.readme-example-${process.pid}/`, import.meta.url))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the README's example", () => {
  it("runs as written and prints the lines the README shows", async () => {
    expect(example).toContain("Decision.decide(")
    const shown = shownOutput(example)
    expect(shown.length).toBeGreaterThan(5)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, "example.ts")
    // `export` lets the test read the result the README comments on.
    writeFileSync(file, `${example}\nexport { result }\n`)
    const log = vi.spyOn(console, "log").mockImplementation(() => {})
    try {
      const module = (await import(/* @vite-ignore */ file)) as { result: { summary: { eligibility?: unknown } } }
      expect(module.result.summary.eligibility).toEqual({ type: "not-eligible" })
      const printed = log.mock.calls
        .map((c) => String(c[0]))
        .join("\n")
        .split("\n")
      for (const line of shown) expect(printed).toContain(line)
    } finally {
      log.mockRestore()
    }
  })

  it("finds the printed lines the README shows, and would notice one that is not printed", () => {
    expect(shownOutput("console.log(x)\n// a\n//   b\n// …\n// c\nlater()")).toEqual(["a", "  b", "c"])
  })
})
