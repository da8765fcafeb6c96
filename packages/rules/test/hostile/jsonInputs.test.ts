// The command's JSON inputs (a subject, a receipt, --data) as a Windows
// editor or a hostile hand may save them: a byte order mark, UTF-16 in each
// byte order, hostile keys and identity numbers. readJson either gives the
// value or refuses the whole file with one usage error naming it; no message
// shows an identity number, and nothing reaches a prototype.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { type Io, readJson, UsageError } from "../../src/cli/io.js"
import { prototypeKeys } from "./prototype.js"

const dir = mkdtempSync(join(tmpdir(), "json-inputs-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const io: Io = { stdout: () => {}, stderr: () => {}, stdin: () => "", cwd: dir }

const bom = Buffer.from([0xef, 0xbb, 0xbf])
const saved = {
  utf8: (t: string) => Buffer.from(t, "utf8"),
  bom: (t: string) => Buffer.concat([bom, Buffer.from(t, "utf8")]),
  utf16le: (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
  utf16be: (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()]),
} as const

const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "01019012345", "010190/12345")
const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("01019012345", "01.01.1990 12345", "\uFEFF", "ø–", "\u0000"),
)

describe("readJson on hostile inputs", () => {
  const before = prototypeKeys()

  it("gives the value or one usage error, with no identity number and no prototype touched (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 4 })), fc.oneof(text, fc.integer()), {
          maxKeys: 4,
        }),
        fc.constantFrom(...(Object.keys(saved) as Array<keyof typeof saved>)),
        fc.boolean(),
        (value, form, broken) => {
          const json = JSON.stringify(value, null, 2)
          writeFileSync(join(dir, "input.json"), saved[form](broken ? json.slice(0, -1) : json))
          let got: ReturnType<typeof readJson> | undefined
          let error: unknown
          try {
            got = readJson(io, "input.json")
          } catch (e) {
            error = e
          }
          if (form === "utf16le" || form === "utf16be") expect(error).toBeInstanceOf(UsageError)
          else if (!broken) expect(got?.value).toEqual(JSON.parse(json))
          if (error !== undefined) {
            expect(error).toBeInstanceOf(UsageError)
            const t = (error as UsageError).text
            expect(Redact.containsNationalId(`${(error as UsageError).place}${t.en} ${t.nb}`)).toBe(false)
          }
          expect(prototypeKeys()).toEqual(before)
        },
      ),
      { numRuns: 300 },
    )
  })

  it("reads a marked file with a __proto__ key as data, and refuses a UTF-16 file named like an identity number with the encoding's message", () => {
    writeFileSync(join(dir, "proto.json"), saved.bom('{"__proto__": {"polluted": 1}, "a": 1}'))
    const r = readJson(io, "proto.json")
    expect(Object.hasOwn(r.value as object, "__proto__")).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    writeFileSync(join(dir, "01019012345.json"), saved.utf16le("{}"))
    let error: unknown
    try {
      readJson(io, "01019012345.json")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UsageError)
    // The message is the encoding's alone; the file's name goes out through the redacting output.
    expect((error as UsageError).text.en).toMatch(/^The file is saved as UTF-16/u)
    expect(Redact.containsNationalId(JSON.stringify((error as UsageError).text))).toBe(false)
  })
})
