// The repository README's example, read from the README itself and run as
// written from the repository's root (it reads the example export in
// examples/data): an edit that breaks it, or output that no longer matches
// the lines the README shows after a console call, fails here.
import { readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { examplesOf, plain, runExample, shownOutput } from "../../scripts/test-setup/readme.js"
import { root } from "./imports.js"

const [example = ""] = examplesOf(readFileSync(join(root, "README.md"), "utf8"))
const dir = join(root, "test", "house", `.readme-example-${process.pid}`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the repository README's example", () => {
  it("shows what it prints", () => {
    expect(shownOutput(example).length).toBeGreaterThanOrEqual(3)
  })

  it("runs as written and prints what it shows", async () => {
    const { lines } = await runExample(example, join(dir, "example.ts"), { cwd: root })
    for (const line of shownOutput(example)) expect(lines).toContain(plain(line))
  })
})
