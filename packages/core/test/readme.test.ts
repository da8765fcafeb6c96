// Every TypeScript example of the README, read from the README itself and run
// as written: an edit that breaks one, or output that no longer matches the
// lines the README shows after a console call, fails here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { format } from "node:util"
import { afterAll, describe, expect, it, vi } from "vitest"

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8")
const examples = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gmu)].map((m) => m[1] ?? "")

/** The comment lines right after a console call (or the block around one): what the README says it prints. */
const shownOutput = (code: string): Array<string> => {
  const lines = code.split("\n")
  const out: Array<string> = []
  let printing = false
  for (const l of lines) {
    if (l.startsWith("// ")) {
      if (printing && l !== "// …") out.push(l.slice(3).trim())
      continue
    }
    printing = /console\.(?:log|error)\(/u.test(l) || (l.trim() === "}" && printing)
    if (/console\.(?:log|error)\(/u.test(l)) printing = true
  }
  return out
}

// Vite transforms files inside the project only: each example is written beside this test, then removed.
const dir = fileURLToPath(new URL(`./.readme-example-${process.pid}/`, import.meta.url))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the README's examples", () => {
  it("are there, one for each main module", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
    // Each example shows what it prints; the check below compares them.
    for (const code of examples) expect(shownOutput(code).length).toBeGreaterThan(0)
  })

  it.each(examples.map((code, i) => [i, code] as const))(
    "example %i runs and prints what it shows",
    async (i, code) => {
      const shown = shownOutput(code)
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `example-${i}.ts`)
      writeFileSync(file, `${code}\nexport {}\n`)
      // The first example reads the pseudonym secret from the environment, as an app should.
      vi.stubEnv("PSEUDONYM_SECRET", Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"))
      const printed: Array<string> = []
      const capture = (...args: Array<unknown>) => {
        printed.push(...format(...args).split("\n"))
      }
      const log = vi.spyOn(console, "log").mockImplementation(capture)
      const error = vi.spyOn(console, "error").mockImplementation(capture)
      try {
        await import(/* @vite-ignore */ file)
      } finally {
        log.mockRestore()
        error.mockRestore()
        vi.unstubAllEnvs()
      }
      const lines = printed.map((l) => l.trim())
      for (const line of shown) expect(lines).toContain(line)
    },
  )
})
