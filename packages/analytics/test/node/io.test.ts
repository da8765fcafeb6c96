import { Redact } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { internalError, redacting } from "../../src/node/io.js"

describe("the command line's io", () => {
  it("redacts every line on both streams", () => {
    const lines: Array<string> = []
    const io = redacting({ stdout: (t) => lines.push(`out ${t}`), stderr: (t) => lines.push(`err ${t}`) })
    io.stdout("id 01019012345")
    io.stderr("id 010190-12345")
    expect(lines).toEqual([`out id ${Redact.MASK}`, `err id ${Redact.MASK}`])
  })

  it("reports an internal error by its kind only, with exit code 70", () => {
    const lines: Array<string> = []
    const code = internalError(new RangeError("secret value"), { stdout: () => {}, stderr: (t) => lines.push(t) })
    expect(code).toBe(70)
    expect(lines.join("\n")).toContain("(RangeError)")
    expect(lines.join("\n")).not.toContain("secret")
    expect(internalError("text", { stdout: () => {}, stderr: (t) => lines.push(t) })).toBe(70)
    expect(lines.at(-1)).toContain("(string)")
  })
})
