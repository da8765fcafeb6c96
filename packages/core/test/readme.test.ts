// Every TypeScript example of the README, read from the README itself and run
// as written: an edit that breaks one, or output that no longer matches the
// lines the README shows after a console call, fails here.
import { readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { examplesOf, plain, runExample, shownOutput } from "../../../scripts/test-setup/readme.js"

const examples = examplesOf(readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8"))
const dir = fileURLToPath(new URL(`./.readme-example-${process.pid}/`, import.meta.url))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the README's examples", () => {
  it("are there, one for each main module", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
    // Each example shows what it prints; the check below compares them.
    for (const code of examples) expect(shownOutput(code).length).toBeGreaterThan(0)
  })

  it("reads the printed lines after a console call or the block holding one", () => {
    expect(
      shownOutput("for (const x of xs) {\n  console.log(x)\n}\n// a\n// …\n//   b\nnext()\n// not output"),
    ).toEqual(["a", "b"])
  })

  it.each(examples.map((code, i) => [i, code] as const))(
    "example %i runs and prints what it shows",
    async (i, code) => {
      // The first example reads the pseudonym secret from the environment, as an app should.
      const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
      const { lines } = await runExample(code, join(dir, `example-${i}.ts`), { env: { PSEUDONYM_SECRET: secret } })
      for (const line of shownOutput(code)) expect(lines).toContain(plain(line))
    },
  )
})
