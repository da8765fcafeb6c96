import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { JsonText } from "../src/index.js"

describe("JsonText.parse", () => {
  it("gives the line of every value by JSON pointer", () => {
    const r = JsonText.parse('{\n  "a": [\n    1,\n    {"b~/c": true}\n  ],\n  "d": null\n}')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([
      r.lineOf(""),
      r.lineOf("/a"),
      r.lineOf("/a/0"),
      r.lineOf("/a/1/b~0~1c"),
      r.lineOf("/d"),
      r.lineOf("/x"),
    ]).toEqual([1, 2, 3, 4, 6, undefined])
    expect(JsonText.nearestLine(r, "/a/1/missing")).toBe(4)
  })

  it("reports syntax errors with line and column in both languages", () => {
    expect(JsonText.parse('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      line: 3,
      column: 7,
      message: { en: "Expected ':' after the property name", nb: "Forventet ':' etter feltnavnet" },
    })
    expect(JsonText.parse("[1, 2").ok).toBe(false)
    expect(JsonText.parse("[1] x").ok).toBe(false)
  })

  it("agrees with JSON.parse on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : 0)
        const r = JsonText.parse(text)
        expect(r.ok && r.value).toEqual(JSON.parse(text))
      }),
    )
  })

  it("keeps a __proto__ key as a plain key, as JSON.parse does", () => {
    const r = JsonText.parse('{"__proto__": {"polluted": true}}')
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(r.ok && Object.keys(r.value as object)).toEqual(["__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("reports absurd nesting as a syntax problem instead of overflowing the stack", () => {
    const r = JsonText.parse("[".repeat(100_000))
    expect(r).toEqual({
      ok: false,
      line: 1,
      column: 514,
      message: { en: "Nested deeper than 512 levels", nb: "Nøstet dypere enn 512 nivåer" },
    })
  })

  it("refuses valid JSON nested deeper than 512 levels, where JSON.parse alone would accept it", () => {
    // A value at depth 513 (the root is at 0) is refused at its place; an empty array there has no value inside.
    const deep = `${"[".repeat(513)}1${"]".repeat(513)}`
    expect(() => JSON.parse(deep)).not.toThrow()
    expect(JsonText.parse(deep)).toEqual({
      ok: false,
      line: 1,
      column: 514,
      message: { en: "Nested deeper than 512 levels", nb: "Nøstet dypere enn 512 nivåer" },
    })
    const deepObject = `${'{"a":'.repeat(513)}1${"}".repeat(513)}`
    expect(JsonText.parse(deepObject).ok).toBe(false)
    const deepest = JsonText.parse(`${"[".repeat(513)}${"]".repeat(513)}`)
    expect(deepest.ok).toBe(true)
    expect(deepest.ok && deepest.lineOf("/0/0")).toBe(1)
  })

  it("gives lines by pointer for a valid text, however often it is asked", () => {
    const r = JsonText.parse('[\n  {"a": 1},\n\n  {"a": 2}\n]')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([r.lineOf("/1/a"), r.lineOf("/0"), r.lineOf("/1/a"), r.lineOf("/2")]).toEqual([4, 2, 4, undefined])
  })

  it("refuses anything but a string with a CoreError, as JSON.parse would not", () => {
    for (const input of [123, null, undefined, ["{}"], { toString: () => "{}" }]) {
      expect(() => JsonText.parse(input as unknown as string)).toThrow(/JsonText\.parse could not use its arguments/u)
    }
  })

  it("rejects what JSON.parse rejects", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        let native = true
        try {
          JSON.parse(text)
        } catch {
          native = false
        }
        expect(JsonText.parse(text).ok).toBe(native)
      }),
    )
  })
})

// parseUtf8 parses a file's bytes as parse parses their decoded text: the
// same value, the same lines, the same errors.
describe("JsonText.parseUtf8", () => {
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })
  const same = (bytes: Uint8Array, pointers: ReadonlyArray<string> = []): void => {
    const a = JsonText.parseUtf8(bytes)
    const b = JsonText.parse(utf8.decode(bytes))
    expect(a.ok).toBe(b.ok)
    if (!a.ok || !b.ok) {
      expect(a).toEqual(b)
      return
    }
    expect(a.value).toEqual(b.value)
    for (const p of pointers) expect(a.lineOf(p), p).toBe(b.lineOf(p))
  }
  const encode = (s: string) => new TextEncoder().encode(s)

  it("gives parse's value and lines for any JSON value with any characters (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary", maxDepth: 3 }), fc.boolean(), (v, pretty) => {
        const pointers = typeof v === "object" && v !== null ? ["", ...Object.keys(v).map((k) => `/${k}`)] : [""]
        same(encode(JSON.stringify(v, null, pretty ? 2 : 0)), pointers)
      }),
      { numRuns: 200 },
    )
  })

  it("gives parse's errors, with line and column, for broken text and bytes (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom('"', "\\", "\\\\", "{", "}", "[", "]", ":", ",", "\n", "1", "ø", "–", "\\u00"),
      fc.uint8Array({ minLength: 1, maxLength: 2 }).map((b) => Array.from(b, (x) => x | 0x80)),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) =>
        same(Uint8Array.from(pieces.flatMap((p) => (typeof p === "string" ? [...encode(p)] : p)))),
      ),
      { numRuns: 1000 },
    )
  })

  it("reads a Norwegian file with lines, a byte order mark refused as parse refuses it", () => {
    same(encode('{\n  "navn": "Bjørg",\n  "merknad": "uke 3–4"\n}'), ["/navn", "/merknad"])
    same(Uint8Array.of(0xef, 0xbb, 0xbf, ...encode("{}")))
    same(encode('"\\\\ø"'))
    same(encode('"\\ø"'))
  })

  // A file of 4 MiB or more is parsed in pieces (internal/pieceJson.ts).
  it("gives parse's value, lines and errors for a file large enough to be parsed in pieces", () => {
    const record = (i: number) => ({ id: `a-${i}`, date: "2024-01-02", note: i % 97 === 0 ? "Bjørg – 😀" : "x" })
    const year = { year: 2024, attendance: Array.from({ length: 70_000 }, (_, i) => record(i)), staff: [{ id: "s" }] }
    const pretty = encode(JSON.stringify(year, null, 1))
    expect(pretty.length).toBeGreaterThan(1 << 22)
    same(pretty, ["/year", "/attendance/0", "/attendance/39999/note", "/staff/0/id"])
    // Broken near its end: the error's line and column are the whole text's.
    const broken = pretty.slice()
    broken[broken.length - 30] = 0x7b
    same(broken)
    same(encode(JSON.stringify(year)).subarray(0, (1 << 22) + 17))
  })

  it("reads a large file as it parses it, and reads it whole only for a line or another shape", () => {
    const year = { year: 2024, attendance: Array.from({ length: 30_000 }, (_, i) => ({ id: `a-${i}`, note: "Bjørg" })) }
    const bytes = encode(JSON.stringify(year, null, 1))
    const run = (b: Uint8Array) => {
      let at = 0
      let wholes = 0
      const read = (into: Uint8Array) => {
        const n = Math.min(into.length, 1000, b.length - at)
        into.set(b.subarray(at, at + n))
        at += n
        return n
      }
      const r = JsonText.parseUtf8Read(read, () => {
        wholes++
        return b
      })
      return { r, wholes: () => wholes }
    }
    const valid = run(bytes)
    expect(valid.r.ok && valid.r.value).toEqual(year)
    expect(valid.wholes()).toBe(0)
    expect(valid.r.ok && valid.r.lineOf("/attendance/2/note")).toBe(14)
    expect(valid.wholes()).toBe(1)
    // Another shape, and a broken text, are parsed whole, with parse's errors.
    const list = encode("[1, 2, 3]")
    const other = run(list)
    expect(other.r).toMatchObject({ ok: true, value: [1, 2, 3] })
    expect(other.wholes()).toBe(1)
    const broken = bytes.slice(0, -2)
    expect(run(broken).r).toEqual(JsonText.parse(utf8.decode(broken)))
    // A read that says it wrote more than it could is refused.
    expect(() =>
      JsonText.parseUtf8Read(
        (into) => into.length + 1,
        () => bytes,
      ),
    ).toThrow(/parseUtf8Read/u)
    expect(() => JsonText.parseUtf8Read("x" as never, () => bytes)).toThrow(/parseUtf8Read/u)
  })

  it("refuses deep nesting as parse does, and anything but bytes with a CoreError", () => {
    same(encode(`${"[".repeat(513)}"ø"${"]".repeat(513)}`))
    // In a file parsed in pieces too.
    const deep = `{"b":${"[".repeat(600)}${"]".repeat(600)}}`
    const shallow = Array.from({ length: 300_000 }, () => '{"b":[]}').join(",")
    same(encode(`{"a":[${shallow},${deep}]}`))
    for (const input of ["{}", null, [123], new Uint16Array(2)])
      expect(() => JsonText.parseUtf8(input as unknown as Uint8Array)).toThrow(
        /JsonText\.parseUtf8 could not use its arguments/u,
      )
  })
})

// A take hands a top object's lists over in runs and leaves `[]` in their
// place; what it was handed before a restart is void.
describe("JsonText with a take", () => {
  const encode = (s: string) => new TextEncoder().encode(s)
  const recorder = (names: ReadonlyArray<string>) => {
    let got = new Map<string, Array<unknown>>()
    let runs = 0
    let restarts = 0
    const take: JsonText.Take = {
      takes: (name) => names.includes(name),
      run: (name, elements) => {
        runs++
        const list = got.get(name) ?? []
        for (const e of elements) list.push(e)
        got.set(name, list)
      },
      restart: () => {
        restarts++
        got = new Map()
      },
    }
    return { take, got: () => got, runs: () => runs, restarts: () => restarts }
  }
  // What a take should leave and be handed, from JSON.parse's value.
  const expected = (value: Record<string, unknown>, names: ReadonlyArray<string>) => {
    const left: Record<string, unknown> = JSON.parse(JSON.stringify(value))
    const handed = new Map<string, Array<unknown>>()
    for (const name of Object.keys(left)) {
      const v = left[name]
      if (!names.includes(name) || !Array.isArray(v)) continue
      if (v.length > 0) handed.set(name, v)
      left[name] = []
    }
    return { left, handed }
  }
  const reader = (b: Uint8Array) => {
    let at = 0
    return (into: Uint8Array) => {
      const n = Math.min(into.length, 4096, b.length - at)
      into.set(b.subarray(at, at + n))
      at += n
      return n
    }
  }
  const member = fc.oneof(
    fc.array(fc.record({ id: fc.string(), n: fc.integer() }), { maxLength: 5 }),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  )
  const year = fc.dictionary(fc.constantFrom("attendance", "sessions", "staff", "year", "notes"), member)

  it("hands each taken list over whole and leaves [] for any small text, by every entry (property)", () => {
    fc.assert(
      fc.property(year, fc.subarray(["attendance", "sessions", "notes", "other"]), (value, names) => {
        const text = JSON.stringify(value)
        const want = expected(value, names)
        for (const parse of [
          (t: JsonText.Take) => JsonText.parse(text, t),
          (t: JsonText.Take) => JsonText.parseUtf8(encode(text), t),
          (t: JsonText.Take) => JsonText.parseUtf8Read(reader(encode(text)), () => encode(text), t),
        ]) {
          const r = recorder(names)
          const parsed = parse(r.take)
          expect(parsed.ok && parsed.value).toEqual(want.left)
          expect(r.got()).toEqual(want.handed)
        }
      }),
      { numRuns: 200 },
    )
  })

  it("hands a large file's list over in runs as it is read, and starts again for another shape", () => {
    const records = Array.from({ length: 80_000 }, (_, i) => ({ id: `a-${i}`, date: "2024-01-02", status: "present" }))
    const value = { year: 2024, attendance: records, staff: [{ id: "s-1" }] }
    const bytes = encode(JSON.stringify(value))
    expect(bytes.length).toBeGreaterThan(1 << 22)
    const r = recorder(["attendance"])
    const parsed = JsonText.parseUtf8Read(reader(bytes), () => bytes, r.take)
    expect(parsed.ok && parsed.value).toEqual({ year: 2024, attendance: [], staff: [{ id: "s-1" }] })
    expect(r.got().get("attendance")).toEqual(records)
    expect(r.runs()).toBeGreaterThan(10)
    expect(parsed.ok && parsed.lineOf("/attendance/7")).toBe(1)
    // A repeated name is parsed whole: the runs before are void, and JSON.parse's last list is handed over once.
    const twice = encode(`${JSON.stringify(value).slice(0, -1)},"attendance":[{"id":"last"}]}`)
    const again = recorder(["attendance"])
    const whole = JsonText.parseUtf8(twice, again.take)
    expect(again.restarts()).toBe(1)
    expect(again.got().get("attendance")).toEqual([{ id: "last" }])
    expect(whole.ok && (whole.value as { attendance: unknown }).attendance).toEqual([])
  })

  it("refuses a taken record nested too deep, as parse does, and a take that is not one", () => {
    const shallow = Array.from({ length: 300_000 }, () => '{"b":[]}').join(",")
    const deep = `{"b":${"[".repeat(600)}${"]".repeat(600)}}`
    const text = `{"attendance":[${shallow},${deep}]}`
    const r = recorder(["attendance"])
    const parsed = JsonText.parseUtf8(encode(text), r.take)
    expect(parsed).toEqual(JsonText.parse(text))
    expect(parsed.ok).toBe(false)
    expect(() => JsonText.parse("{}", { takes: () => true } as never)).toThrow(/JsonText\.parse could not use/u)
  })

  it("hands over an own __proto__ list without touching any prototype", () => {
    const r = recorder(["__proto__", "constructor"])
    const parsed = JsonText.parse('{"__proto__":[{"polluted":true}],"constructor":[1]}', r.take)
    expect(parsed.ok && Object.getOwnPropertyDescriptor(parsed.value, "__proto__")?.value).toEqual([])
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype)
    expect(r.got().get("__proto__")).toEqual([{ polluted: true }])
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})
