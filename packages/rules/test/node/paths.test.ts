import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { readRegular, readRegularBytes } from "../../src/node/paths.js"

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

describe("readRegularBytes", () => {
  it("reads any bytes whole up to the cap, and refuses more", () => {
    const file = join(dir, "bytes-capped")
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), fc.integer({ min: 0, max: 128 }), (body, cap) => {
        writeFileSync(file, body)
        const r = readRegularBytes(file, cap)
        expect(r.ok).toBe(body.length <= cap)
        if (r.ok) expect(Buffer.from(r.bytes).equals(Buffer.from(body))).toBe(true)
        else expect(r).toMatchObject({ code: "too-large", size: body.length })
      }),
      { numRuns: 200 },
    )
  })

  it("reads a file larger than its first buffer whole", () => {
    const file = join(dir, "bytes-large")
    const bytes = Buffer.from("Ærø ☃ 𝄞 ".repeat(100_000))
    writeFileSync(file, bytes)
    const r = readRegularBytes(file, 10_000_000)
    expect(r.ok && Buffer.from(r.bytes).equals(bytes)).toBe(true)
  })

  it("refuses what is not a regular file", () => {
    expect(readRegularBytes(dir, 1024)).toMatchObject({ ok: false, code: "not-a-file" })
    expect(readRegularBytes(join(dir, "missing"), 1024)).toMatchObject({ ok: false, code: "missing" })
  })
})
