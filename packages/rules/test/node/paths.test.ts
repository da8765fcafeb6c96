import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { readRegular } from "../../src/node/paths.js"

const dir = mkdtempSync(join(tmpdir(), "paths-test-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("readRegular", () => {
  it("decodes any bytes as Buffer#toString does: invalid bytes become U+FFFD, a byte order mark stays", () => {
    const file = join(dir, "bytes")
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), fc.boolean(), (body, bom) => {
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body)])
        writeFileSync(file, bytes)
        const r = readRegular(file, 1024)
        expect(r).toEqual({ ok: true, text: bytes.toString("utf8") })
      }),
      { numRuns: 300 },
    )
  })

  it("reads a file larger than its first read whole, with characters outside Latin-1", () => {
    const file = join(dir, "text")
    const text = `\uFEFF${"Ærø ☃ 𝄞 ".repeat(20_000)}`
    writeFileSync(file, text)
    expect(readRegular(file, 1_000_000)).toEqual({ ok: true, text })
  })

  it("refuses a file over the cap", () => {
    const file = join(dir, "large")
    writeFileSync(file, "x".repeat(2048))
    const r = readRegular(file, 1024)
    expect(r.ok).toBe(false)
    expect(r.ok === false && r.code).toBe("too-large")
  })
})
