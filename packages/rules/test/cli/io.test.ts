// readJson reads a file's bytes and parses them with core's
// JsonText.parseUtf8. For any file, hostile keys and identity numbers
// included, it must give what decoding the file as Node does and parsing the
// text gives: the same value and lines, or the same message, with its line
// and column, in both languages and without an identity number; and no
// prototype changes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { JsonText, Redact } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { type Io, readJson, UsageError } from "../../src/cli/io.js"

const dir = mkdtempSync(join(tmpdir(), "io-test-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const io: Io = { stdout: () => {}, stderr: () => {}, stdin: () => "", cwd: dir }

// What readJson gave before it read bytes: the text as Node decodes it,
// parsed, with a leading byte order mark skipped.
const asText = (bytes: Buffer) => JsonText.parse(bytes.toString("utf8").replace(/^\uFEFF/u, ""))

const utf16 = {
  nb: "Filen er lagret som UTF-16 (i Notisblokk kalt «Unicode»); lagre den som UTF-8 (i Notisblokk: Lagre som, Koding: UTF-8)",
  en: 'The file is saved as UTF-16 (which Notepad calls "Unicode"); save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
}

const same = (bytes: Buffer, pointers: ReadonlyArray<string>): void => {
  writeFileSync(join(dir, "input.json"), bytes)
  // UTF-16's byte order mark, which no UTF-8 text starts with: named as such.
  if (bytes[0]! + bytes[1]! === 0xff + 0xfe && Math.min(bytes[0]!, bytes[1]!) === 0xfe) {
    expect(() => readJson(io, "input.json")).toThrow(expect.objectContaining({ text: utf16 }))
    return
  }
  const want = asText(bytes)
  let got: ReturnType<typeof readJson> | UsageError
  try {
    got = readJson(io, "input.json")
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    got = e
  }
  if (want.ok) {
    expect(got).not.toBeInstanceOf(UsageError)
    const r = got as ReturnType<typeof readJson>
    expect(r.value).toEqual(want.value)
    for (const p of pointers) expect(r.lineOf(p), p).toBe(JsonText.nearestLine(want, p))
  } else {
    expect(got).toBeInstanceOf(UsageError)
    const text = (got as UsageError).text
    expect(Redact.containsNationalId(`${text.en} ${text.nb}`)).toBe(false)
    expect((got as UsageError).text).toEqual({
      en: `input.json:${want.line}: ${want.message.en} (column ${want.column})`,
      nb: `input.json:${want.line}: ${want.message.nb} (kolonne ${want.column})`,
    })
  }
  expect(Object.keys(Object.prototype)).toEqual([])
}

describe("readJson", () => {
  it("gives the decoded text's value and lines for any JSON with any characters, written with line breaks, with or without a byte order mark (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ unit: "binary", maxLength: 4 }),
          fc.jsonValue({ stringUnit: "binary", maxDepth: 2 }),
          { maxKeys: 4 },
        ),
        fc.boolean(),
        (v, bom) => {
          const pointers = Object.keys(v).map((k) => `/${k.replace(/~/gu, "~0").replace(/\//gu, "~1")}`)
          const text = Buffer.from(JSON.stringify(v, null, 2), "utf8")
          same(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) : text, ["", ...pointers])
        },
      ),
      { numRuns: 100 },
    )
  })

  it("gives the decoded text's message, line and column for broken files and bytes (property)", () => {
    const piece = fc.oneof(
      fc
        .constantFrom(
          '{"a": ',
          '{"__proto__": ',
          '"',
          "\\",
          "\n",
          "]",
          "}",
          ",",
          "ø",
          "–",
          "1",
          "01019012345",
          "010190 12345",
        )
        .map((t) => Buffer.from(t, "utf8")),
      fc.uint8Array({ minLength: 1, maxLength: 2 }).map((b) => Buffer.from(Array.from(b, (x) => x | 0x80))),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => same(Buffer.concat(pieces), [])),
      { numRuns: 300 },
    )
  })

  it("reads a Norwegian file, and one a Windows editor saved with a byte order mark", () => {
    same(Buffer.from('{\n  "navn": "Bjørg",\n  "merknad": "uke 3–4"\n}', "utf8"), ["/navn", "/merknad"])
    const bom = Buffer.from([0xef, 0xbb, 0xbf])
    same(Buffer.concat([bom, Buffer.from("{}")]), [])
    writeFileSync(join(dir, "bom.json"), Buffer.concat([bom, Buffer.from('{\n  "date": "2024-07-15"\n}')]))
    const r = readJson(io, "bom.json")
    expect(r.value).toEqual({ date: "2024-07-15" })
    expect(r.lineOf("/date")).toBe(2)
    // Only at the start: a mark further in is an error where it stands.
    expect(() => readJson({ ...io, stdin: () => "\uFEFF[1]" }, "-").value).not.toThrow()
    writeFileSync(join(dir, "inner.json"), Buffer.concat([Buffer.from("[1,"), bom, Buffer.from("2]")]))
    expect(() => readJson(io, "inner.json")).toThrow(UsageError)
  })

  it("names a file saved as UTF-16, as Notepad's Unicode writes it, with or without its mark", () => {
    const json = '{\n  "date": "2024-07-15"\n}'
    const forms = [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, "utf16le").swap16()]),
      Buffer.from(json, "utf16le"),
    ]
    for (const bytes of forms) {
      writeFileSync(join(dir, "utf16.json"), bytes)
      let thrown: unknown
      try {
        readJson(io, "utf16.json")
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(UsageError)
      expect((thrown as UsageError).place).toBe("utf16.json: ")
      expect((thrown as UsageError).text).toEqual(utf16)
    }
    same(Buffer.from('["\\\\ø", "\\ø"]', "utf8"), [])
    // Hostile keys and identity numbers: read as data, never quoted in a message.
    same(Buffer.from('{"__proto__": {"x": "ø"}, "constructor": "01019012345 – ø"}', "utf8"), [
      "/__proto__",
      "/constructor",
    ])
    same(Buffer.from('{"a": 01019012345 – }', "utf8"), [])
  })
})

// A file of 4 MiB or more is parsed as it is read (JsonText.parseUtf8Read),
// and read again only for a line, an error's place, or another shape.
describe("readJson on a large file", () => {
  const year = (n: number) => ({
    year: 2024,
    attendance: Array.from({ length: n }, (_, i) => ({
      id: `a-${i}`,
      date: "2024-01-02",
      note: i % 89 === 0 ? "Bjørg – 😀 01019012345" : "x",
    })),
    staff: [{ id: "s-1" }],
  })
  const big = Buffer.from(JSON.stringify(year(70_000), null, 1), "utf8")

  it("gives the decoded text's value and lines, with or without a byte order mark", () => {
    expect(big.length).toBeGreaterThan(1 << 22)
    const pointers = ["/year", "/attendance/0/id", "/attendance/69999/note", "/staff/0"]
    same(big, pointers)
    same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), big]), pointers)
  })

  it("gives the decoded text's message, line and column when it breaks far in", () => {
    const broken = Buffer.from(big)
    broken[broken.length - 40] = 0x2c
    same(broken, [])
    same(big.subarray(0, big.length - 3), [])
  })

  it("reads a large file of another shape whole", () => {
    same(Buffer.from(JSON.stringify(Array.from({ length: 700_000 }, (_, i) => i))), ["/699999"])
  })

  it("names a large file saved as UTF-16", () => {
    writeFileSync(
      join(dir, "big16.json"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(big.toString(), "utf16le")]),
    )
    expect(() => readJson(io, "big16.json")).toThrow(expect.objectContaining({ text: utf16 }))
    writeFileSync(join(dir, "big16.json"), Buffer.from(big.toString(), "utf16le"))
    expect(() => readJson(io, "big16.json")).toThrow(expect.objectContaining({ text: utf16 }))
  })
})
