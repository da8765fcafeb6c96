// A JSON file parsed in pieces must give JSON.parse's value, or none (then
// it is parsed whole). Held on random JSON of every kind, on data shaped as
// a Dataset export with hostile strings, and on broken and crafted texts:
// cuts inside strings and nested lists, repeated and __proto__ names,
// truncation, garbage after the value, byte order marks and invalid UTF-8.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseInPieces, type ReadInto, type Take, takeLists } from "../../src/internal/pieceJson.js"

const encode = (s: string) => new TextEncoder().encode(s)
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })

const wholeParse = (bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) }
  } catch {
    return { ok: false }
  }
}

// The bytes as a file read `most` bytes at a time at most, as a short read gives them.
const reader = (bytes: Uint8Array, most: number): ReadInto => {
  let at = 0
  return (into) => {
    const n = Math.min(into.length, most, bytes.length - at)
    into.set(bytes.subarray(at, at + n))
    at += n
    return n
  }
}

// How the bytes are read: whole, or through a small window with short reads,
// so that pieces and names cross the window's edge and the window grows.
type Reading = {
  readonly pieceBytes: number
  readonly lookahead: number
  readonly windowBytes: number
  readonly most: number
}
const reading: fc.Arbitrary<Reading> = fc.record({
  pieceBytes: fc.integer({ min: 1, max: 200 }),
  lookahead: fc.integer({ min: 200, max: 400 }),
  windowBytes: fc.integer({ min: 16, max: 2000 }),
  most: fc.integer({ min: 1, max: 700 }),
})

// Pieces give no value, or exactly the whole parse's: same keys in the same
// order, own __proto__ keys included. Both from the bytes and read through a
// window; the first result is given (a value when either gave one).
const agrees = (bytes: Uint8Array, how: Reading | number): { readonly value: unknown } | undefined => {
  const r = typeof how === "number" ? { pieceBytes: how, lookahead: 256, windowBytes: 300, most: 100 } : how
  const whole = wholeParse(bytes)
  const results = [parseInPieces(bytes, { pieceBytes: r.pieceBytes }), parseInPieces(reader(bytes, r.most), r)]
  for (const pieces of results) {
    if (pieces === undefined) continue
    expect(whole.ok).toBe(true)
    if (!whole.ok) continue
    expect(pieces.value).toStrictEqual(whole.value)
    expect(JSON.stringify(pieces.value)).toBe(JSON.stringify(whole.value))
  }
  return results[0] ?? results[1]
}

// Neither way of reading gives a value: the text is parsed whole instead.
const givesNone = (text: string, windowed: Omit<Reading, "most">): void => {
  expect(parseInPieces(encode(text), { pieceBytes: windowed.pieceBytes }), text).toBeUndefined()
  expect(parseInPieces(reader(encode(text), 1), windowed), text).toBeUndefined()
}

// Both ways of reading gave a value.
const bothTaken = (bytes: Uint8Array, how: Reading): void => {
  agrees(bytes, how)
  expect(parseInPieces(bytes, { pieceBytes: how.pieceBytes })).toBeDefined()
  expect(parseInPieces(reader(bytes, how.most), how)).toBeDefined()
}

// Characters that make cuts look possible where there are none.
const tricky = fc.constantFrom("},{", "}]", "},", '"},{"id":"', "\\", '\\"', "]", "}", "{", ",", "ø", "–", "😀", " ")
const hostileText = fc
  .array(fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 6 })
  .map((p) => p.join(""))
const plainText = fc.stringMatching(/^[a-zA-Z0-9 æøåÆØÅ.-]{0,12}$/u)

const record = (text: fc.Arbitrary<string>) =>
  fc.record({
    id: fc.stringMatching(/^a-[0-9]{5}$/u),
    date: fc.constantFrom("2024-01-02", "2024-12-31"),
    note: text,
    count: fc.integer({ min: -5, max: 500 }),
    staffIds: fc.array(fc.constantFrom("s-001", "s-002"), { maxLength: 2 }),
    goal: fc.option(fc.record({ text, measure: text }), { nil: null }),
  })

const dataset = (text: fc.Arbitrary<string>, records = record(text)) =>
  fc
    .dictionary(
      fc.stringMatching(/^[a-zA-Z]{1,10}$/u),
      fc.oneof(
        { weight: 4, arbitrary: fc.array(records, { minLength: 1, maxLength: 40 }) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), text, fc.constant([]), fc.record({ nb: text })) },
      ),
      { minKeys: 1, maxKeys: 6 },
    )
    .map((d) => ({ year: 2024, ...d }))

describe("parseInPieces", () => {
  it("gives JSON.parse's value or none for any JSON, compact or pretty (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary" }), fc.boolean(), reading, (v, pretty, how) => {
        agrees(encode(JSON.stringify(v, null, pretty ? 2 : 0)), how)
      }),
      { numRuns: 300 },
    )
  })

  it("parses a Dataset-shaped export in pieces, compact or pretty, with the same value (property)", () => {
    fc.assert(
      fc.property(dataset(plainText), fc.constantFrom(0, 1, "\t"), reading, (v, indent, how) => {
        bothTaken(encode(JSON.stringify(v, null, indent)), how)
      }),
      { numRuns: 300 },
    )
  })

  it("parses a top-level list of objects in pieces (property)", () => {
    fc.assert(
      fc.property(fc.array(record(plainText), { minLength: 1, maxLength: 60 }), reading, (v, how) => {
        bothTaken(encode(JSON.stringify(v)), how)
      }),
      { numRuns: 200 },
    )
  })

  it("gives the same value or none when strings hold cut marks, quotes and any characters (property)", () => {
    fc.assert(
      fc.property(dataset(hostileText), reading, (v, how) => {
        agrees(encode(JSON.stringify(v)), how)
      }),
      { numRuns: 300 },
    )
  })

  it("never gives a value a broken text would not give: bytes cut, dropped, changed or added (property)", () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("drop", "change", "insert", "truncate"),
      byte: fc.constantFrom(...encode('{}[],:" \\0a'), 0xc3, 0xff, 0xef),
    })
    fc.assert(
      fc.property(dataset(plainText), fc.array(edit, { minLength: 1, maxLength: 4 }), reading, (v, edits, how) => {
        let b = Array.from(encode(JSON.stringify(v)))
        for (const e of edits) {
          const at = e.at % (b.length + 1)
          if (e.kind === "drop") b.splice(at, 1)
          else if (e.kind === "change") b[at] = e.byte
          else if (e.kind === "insert") b.splice(at, 0, e.byte)
          else b = b.slice(0, at)
        }
        agrees(Uint8Array.from(b), how)
      }),
      { numRuns: 1000 },
    )
  })

  it("keeps records whose strings hold what looks like a cut or the list's end", () => {
    const v = {
      year: 2024,
      feedback: [
        { id: "b-1", comment: '"},{"id":"b-9","comment":"smuggled' },
        { id: "b-2", comment: "}]" },
        { id: "b-3", comment: '}],"attendance":[{"id":"a-1"}' },
        { id: "b-4", comment: "\\" },
      ],
      attendance: [{ id: "a-2" }],
    }
    for (const size of [1, 2, 5, 40]) expect(agrees(encode(JSON.stringify(v)), size)?.value).toEqual(v)
  })

  it("keeps records that hold lists of objects of their own", () => {
    const v = {
      offerings: Array.from({ length: 30 }, (_, i) => ({
        id: `o-${i}`,
        partners: [{ name: "a" }, { name: "b", more: [{ x: [] }] }],
      })),
      attendance: [{ id: "a-1" }, { id: "a-2" }],
    }
    // A cut inside a record does not parse; the piece's end is then found by following the nesting.
    for (const size of [1, 7, 64, 1000]) expect(agrees(encode(JSON.stringify(v)), size)?.value).toEqual(v)
    // Elements after the first need not be objects.
    expect(agrees(encode('[{"a":1},2,[{"b":[]}],"c"]'), 1)?.value).toEqual([{ a: 1 }, 2, [{ b: [] }], "c"])
  })

  it("gives no value where JSON.parse keeps the last of a repeated name or makes an own __proto__", () => {
    const repeated = encode('{"attendance":[{"id":"a-1"}],"attendance":[{"id":"a-2"}]}')
    expect(parseInPieces(repeated, { pieceBytes: 1 })).toBeUndefined()
    const proto = encode('{"__proto__":[{"polluted":true}],"x":[{"id":1}]}')
    expect(parseInPieces(proto, { pieceBytes: 1 })).toBeUndefined()
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    // A name written with escapes is the same name.
    expect(parseInPieces(encode('{"a":[{"i":1}],"\\u0061":[{"i":2}]}'), { pieceBytes: 1 })).toBeUndefined()
  })

  it("gives no value for broken or other texts, which are parsed whole instead", () => {
    for (const text of [
      "",
      " ",
      "[]",
      "{}",
      "1",
      '"text"',
      "[1,2,3]",
      '[{"a":1},]',
      '[{"a":1}',
      '{"a":[{"b":1}]',
      '{"a":[{"b":1}]}x',
      '{"a":[{"b":1}]}{}',
      '{"a":[{"b":1}],}',
      '{"a" [{"b":1}]}',
      '{"a":[{"b":1}] "c":1}',
      '{"a":[{"b":1}],"c":tru e}',
      '\uFEFF{"a":[{"b":1}]}',
      '{"a":[{"b":1}],"c":{"d":1]}',
      '{"a":[{"b":"\n"}]}',
    ]) {
      givesNone(text, { pieceBytes: 1, lookahead: 4, windowBytes: 2 })
    }
  })

  it("reads names and texts in any UTF-8, and gives JSON.parse's U+FFFD for invalid bytes", () => {
    const bytes = Uint8Array.from([
      ...encode('{"navn":[{"t":"Bjørg – 😀"},{"t":"'),
      0xff,
      0xc3,
      ...encode('"}],"æøå":[{"t":"\\u00e6"}],"n":"'),
      0xe2,
      0x80,
      ...encode('"}'),
    ])
    for (const size of [1, 3, 100]) {
      const r = agrees(bytes, size)
      expect(r).toBeDefined()
      expect(r?.value).toEqual({ navn: [{ t: "Bjørg – 😀" }, { t: "\uFFFD\uFFFD" }], æøå: [{ t: "æ" }], n: "\uFFFD" })
    }
  })

  it("parses each byte at most twice, however many cuts fall inside records", () => {
    // Every record holds a nested list of objects, so most cuts indexOf finds are inside one.
    const nested = { a: Array.from({ length: 400 }, (_, i) => ({ i, n: [{ x: 1 }, { y: [{ z: 2 }] }] })) }
    const bytes = encode(JSON.stringify(nested))
    const parse = JSON.parse
    let parsedChars = 0
    JSON.parse = (text: string) => {
      parsedChars += text.length
      return parse(text)
    }
    try {
      for (const size of [1, 50, 500]) {
        parsedChars = 0
        expect(parseInPieces(bytes, { pieceBytes: size })?.value).toEqual(nested)
        // Pieces add two brackets each; the skeleton is a few bytes.
        expect(parsedChars).toBeLessThanOrEqual(2 * bytes.length + 4 * 400 + 64)
      }
    } finally {
      JSON.parse = parse
    }
  })
})

// Hand-made texts, cut at every piece size and read through windows of
// every small size, so that each cut, window edge and short read falls on
// every byte of them at least once.
describe("parseInPieces on crafted texts", () => {
  // Own keys in the same order, the same prototypes, Object.is for scalars (so -0 is not 0).
  // toStrictEqual compares constructors, which a "constructor" key replaces.
  const exactly = (a: unknown, b: unknown): boolean => {
    if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b)
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
    const keys = Reflect.ownKeys(a)
    const others = Reflect.ownKeys(b)
    return (
      keys.length === others.length &&
      keys.every((k, i) => {
        const d = Object.getOwnPropertyDescriptor(a, k)
        const e = Object.getOwnPropertyDescriptor(b, k)
        return k === others[i] && d?.enumerable === e?.enumerable && exactly(d?.value, e?.value)
      })
    )
  }
  const agreesExactly = (bytes: Uint8Array, how: Reading): { readonly value: unknown } | undefined => {
    const whole = wholeParse(bytes)
    const results = [parseInPieces(bytes, { pieceBytes: how.pieceBytes }), parseInPieces(reader(bytes, how.most), how)]
    for (const pieces of results) {
      if (pieces === undefined) continue
      expect(whole.ok).toBe(true)
      expect(whole.ok && exactly(pieces.value, whole.value)).toBe(true)
    }
    return results[0] ?? results[1]
  }
  const sweep = (bytes: Uint8Array): void => {
    for (let size = 1; size <= bytes.length + 1; size++) {
      agreesExactly(bytes, {
        pieceBytes: size,
        lookahead: 1 + (size % 7),
        windowBytes: 1 + (size % 5),
        most: 1 + (size % 3),
      })
    }
  }

  it("keeps strings whose backslash runs and escaped quotes end next to a cut mark", () => {
    const v = {
      a: [
        { s: "\\", t: '\\"},{"' },
        { s: '\\\\"},{"s":"', t: "\\\\" },
        { s: '"}]', t: '\\"]' },
        { s: '\\\\\\"},{', t: "}" },
      ],
      b: '\\"},{',
      c: [{ s: '"],"c":[{"s":"' }],
    }
    const bytes = encode(JSON.stringify(v))
    sweep(bytes)
    expect(agrees(bytes, 3)?.value).toEqual(v)
  })

  it("keeps names JSON.parse orders as integers, names of Object.prototype's members, and -0", () => {
    for (const text of [
      '{"b":[{"x":-0}],"2":1,"1":[{"y":-0.0}],"-0":[{}],"4294967295":-0,"4294967294":[{"z":1}],"01":2}',
      '{"constructor":[{"a":1}],"toString":[{"b":2}],"hasOwnProperty":-0,"valueOf":{"__proto__":1}}',
      '[{"__proto__":{"polluted":1}},{"constructor":{"prototype":{"polluted":2}}},{"a":-0}]',
    ]) {
      const bytes = encode(text)
      sweep(bytes)
      expect(agreesExactly(bytes, { pieceBytes: 1, lookahead: 1, windowBytes: 1, most: 1 }), text).toBeDefined()
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
  })

  it("gives no value where a name comes twice however it is written", () => {
    for (const text of [
      '{"a":1,"x":[{}],"\\u0061":2}',
      '{"a":[{}],"x":1,"\\u0061":[{}]}',
      '{"\\u005f_proto__":[{"polluted":1}]}',
      '{"x":[{}],"__\\u0070roto__":{"polluted":1}}',
      '{"\\ud800":[{}],"\\uD800":[{}]}',
    ]) {
      givesNone(text, { pieceBytes: 1, lookahead: 2, windowBytes: 1 })
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
  })

  it("gives no value when a character JSON does not count as space stands between any two bytes", () => {
    const base = '{"a":[{"b":1},{"c":[{"d":2}]}],"e":{"f":[1]}}'
    for (const odd of ["\u00a0", "\f", "\v", "\uFEFF", "\u2028", "\u0000"]) {
      for (let at = 0; at <= base.length; at++) {
        const bytes = encode(base.slice(0, at) + odd + base.slice(at))
        agreesExactly(bytes, { pieceBytes: 1 + (at % 4), lookahead: 3, windowBytes: 2, most: 1 + (at % 2) })
      }
    }
  })

  it("decodes invalid and cut UTF-8 at every place as JSON.parse's text does", () => {
    const base = encode('{"æ":[{"ø":"–😀"},{"å":"x"}],"n":"é"}')
    for (const odd of [[0xff], [0xc3], [0xe2, 0x80], [0xf0, 0x9f, 0x98], [0xef, 0xbb, 0xbf], [0x80, 0x80]]) {
      for (let at = 0; at <= base.length; at++) {
        const bytes = Uint8Array.from([...base.subarray(0, at), ...odd, ...base.subarray(at)])
        agreesExactly(bytes, { pieceBytes: 1 + (at % 5), lookahead: 2 + (at % 3), windowBytes: 1, most: 1 + (at % 4) })
      }
    }
  })

  it("reads a list whose elements are larger than the window, whatever the reads give", () => {
    const v = { a: [{ s: "x".repeat(500), t: [{ u: "},{" }] }, 1, "}", [{}], { s: "ø".repeat(300) }], b: null }
    const bytes = encode(JSON.stringify(v))
    for (const most of [1, 7, 64, 10_000]) {
      const sizes = { pieceBytes: 16, lookahead: 8, windowBytes: 4 }
      expect(parseInPieces(reader(bytes, most), sizes)?.value).toEqual(v)
    }
    // A read that stops early is the end of the input: a text cut short gives no value.
    let calls = 0
    const stopsEarly: ReadInto = (into) => {
      calls++
      if (calls > 3) return 0
      into.set(bytes.subarray((calls - 1) * 10, calls * 10).subarray(0, into.length))
      return Math.min(10, into.length)
    }
    expect(parseInPieces(stopsEarly, { pieceBytes: 4, lookahead: 8, windowBytes: 16 })).toBeUndefined()
  })
})

// A crafted file must cost about what JSON.parse costs, not a search of the
// rest of the file for every piece or every list.
describe("parseInPieces's cost on crafted texts", () => {
  // The characters JSON.parse is given while the bytes are parsed in pieces, from the bytes and read through a window.
  const parsedChars = (bytes: Uint8Array, pieceBytes: number): ReadonlyArray<number> => {
    const parse = JSON.parse
    let chars = 0
    JSON.parse = (text: string) => {
      chars += text.length
      return parse(text)
    }
    try {
      const counts: Array<number> = []
      for (const input of [bytes, reader(bytes, 1 << 16)]) {
        chars = 0
        expect(parseInPieces(input, { pieceBytes, lookahead: 1 << 20, windowBytes: 1 << 20 })).toBeDefined()
        counts.push(chars)
      }
      return counts
    } finally {
      JSON.parse = parse
    }
  }

  it("parses many short lists once each, though a cut lies a piece further on in a later list", () => {
    const text = `{${Array.from({ length: 2000 }, (_, i) => `"l${i}":[{"i":${i}},{"i":${i}}]`).join(",")}}`
    const bytes = encode(text)
    // Each list costs its own bytes, not a failed piece of pieceBytes.
    for (const chars of parsedChars(bytes, 4096)) expect(chars).toBeLessThanOrEqual(3 * bytes.length)
  })

  it("parses a long list with no cut in it once, though a later list has cuts", () => {
    const bytes = encode(`{"a":[{}${",1".repeat(20_000)}],"b":[{},{}]}`)
    for (const chars of parsedChars(bytes, 64)) expect(chars).toBeLessThanOrEqual(3 * bytes.length)
  })

  it("searches for cuts no further than a piece or two on, in a list whose later elements are not objects", () => {
    const text = `[${'{"a":1},1,'.repeat(20_000)}1]`
    const bytes = encode(text)
    // The bytes indexOf looks through: searching the rest of the list for every piece would be about n²/2 / pieceBytes.
    const indexOf = Uint8Array.prototype.indexOf
    let searched = 0
    Uint8Array.prototype.indexOf = function (this: Uint8Array, value: number, from = 0) {
      const at = indexOf.call(this, value, from)
      searched += (at < 0 ? this.length : at + 1) - Math.max(0, from)
      return at
    }
    try {
      expect(parseInPieces(bytes, { pieceBytes: 16 })?.value).toEqual(JSON.parse(text))
    } finally {
      Uint8Array.prototype.indexOf = indexOf
    }
    expect(searched).toBeLessThanOrEqual(4 * bytes.length)
  })
})

describe("parseInPieces reading a broken text", () => {
  it("stops at a broken record early in a long list, without reading the rest into a grown window", () => {
    const bytes = encode(`[{"id":tru},${'{"id":"a-00001","n":12},'.repeat(5000)}{"id":"z"}]`)
    let read = 0
    let largest = 0
    const counting: ReadInto = (into) => {
      largest = Math.max(largest, into.buffer.byteLength)
      const n = Math.min(into.length, bytes.length - read)
      into.set(bytes.subarray(read, read + n))
      read += n
      return n
    }
    expect(parseInPieces(counting, { pieceBytes: 64, lookahead: 256, windowBytes: 1024 })).toBeUndefined()
    // The run up to the first comma after a piece is whole in the window, so more bytes cannot mend it.
    expect(read).toBeLessThanOrEqual(1024)
    expect(largest).toBeLessThanOrEqual(1024)
  })
})

describe("parseInPieces with a take", () => {
  // Records what it is handed; a restart forgets it.
  const recorder = (names: ReadonlyArray<string>) => {
    const got = new Map<string, Array<unknown>>()
    const take: Take = {
      takes: (name) => names.includes(name),
      run: (name, elements) => {
        const list = got.get(name) ?? []
        for (const e of elements) list.push(e)
        got.set(name, list)
      },
      restart: () => got.clear(),
    }
    return { take, got }
  }

  it("hands every element of each taken list over once, in order, and leaves [] (property)", () => {
    let parsed = 0
    const withNames = fc
      .oneof(dataset(plainText), dataset(hostileText))
      .chain((v) => fc.tuple(fc.constant(v), fc.subarray(Object.keys(v)), reading, fc.constantFrom(0, 1)))
    fc.assert(
      fc.property(withNames, ([v, names, how, indent]) => {
        const bytes = encode(JSON.stringify(v, null, indent))
        const whole = JSON.parse(JSON.stringify(v)) as Record<string, unknown>
        const handed = new Map<string, Array<unknown>>()
        for (const name of names)
          if (Array.isArray(whole[name])) {
            if ((whole[name] as Array<unknown>).length > 0) handed.set(name, whole[name] as Array<unknown>)
            whole[name] = []
          }
        for (const input of [bytes, reader(bytes, how.most)]) {
          const r = recorder(names)
          const out = parseInPieces(input, input === bytes ? { pieceBytes: how.pieceBytes } : how, r.take)
          if (out === undefined) continue
          parsed++
          takeLists(out.value, r.take)
          expect(out.value).toEqual(whole)
          expect(r.got).toEqual(handed)
        }
      }),
      { numRuns: 300 },
    )
    // Datasets of plain text are always parsed in pieces.
    expect(parsed).toBeGreaterThan(300)
  })

  it("gives no value when a run does not fit, and hands nothing over after it", () => {
    const text = JSON.stringify({ a: Array.from({ length: 50 }, (_, i) => ({ i })), b: [{ x: 1 }] })
    const r = recorder(["a", "b"])
    let runs = 0
    const out = parseInPieces(encode(text), { pieceBytes: 40 }, r.take, () => ++runs < 3)
    expect(out).toBeUndefined()
    expect(runs).toBe(3)
    expect(r.got.get("a")?.length).toBeLessThan(50)
    expect(r.got.has("b")).toBe(false)
  })
})
