/**
 * JSON text with positions: parses like `JSON.parse`, and also tells on which
 * line each value stands (by JSON pointer), so that a problem in a catalogue
 * or rule file can be reported as `file:line`. Syntax errors carry their line
 * and column on every Node version.
 *
 * @module
 */

import { guard } from "./internal/guard.js"
import { oneByteJson, utf8Text } from "./internal/oneByteJson.js"
import { minPieceInput, parseInPieces, type Take, takeLists } from "./internal/pieceJson.js"
import type { Bilingual } from "./internal/text.js"

/**
 * Lists of a top object handed over in runs rather than kept in the value,
 * so that a caller can check and keep what it needs of a long list while
 * the text is parsed. Each member whose name `takes` accepts and whose value
 * is a list gives its elements to `run`, a run at a time and in their
 * order, and is `[]` in the value. `restart` is called before the text is
 * parsed again from its start (a text of another shape): what was handed
 * over until then is void. When the result is not `ok`, all of it is void.
 * Names come from the text: `takes` should look them up as own keys or in a Map.
 * @category models
 */
export type { Take }

/** @category models */
export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly lineOf: (pointer: string) => number | undefined }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: Bilingual }

// Thrown inside the scanner and caught in `parse`: it never leaves this
// module, so it is a plain value, not an error with a stack.
class SyntaxProblem {
  constructor(
    readonly at: number,
    readonly message: Bilingual,
  ) {}
}

// Deep enough for any real file, shallow enough that recursion never overflows the stack.
const maxDepth = 512

const escapePointer = (k: string | number) => String(k).replace(/~/gu, "~0").replace(/\//gu, "~1")

// The position-tracking parser: slow (a regex per scalar, a JSON.parse per
// string), so it runs only when a line or a syntax error's place is needed.
const scan = (
  text: string,
):
  | { readonly ok: true; readonly value: unknown; readonly lines: Map<string, number> }
  | Extract<Parsed, { ok: false }> => {
  const lines = new Map<string, number>()
  let pos = 0
  let line = 1
  const ws = () => {
    while (pos < text.length) {
      const c = text[pos]
      if (c === "\n") line++
      else if (c !== " " && c !== "\t" && c !== "\r") break
      pos++
    }
  }
  const fail = (message: Bilingual): never => {
    throw new SyntaxProblem(pos, message)
  }
  const str = (): string => {
    const start = pos
    pos++ // opening quote
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === "\\") pos++
      if (text[pos] === "\n") fail({ en: "Line break inside a string", nb: "Linjeskift inne i en tekst" })
      pos++
    }
    if (pos >= text.length) fail({ en: "Unterminated string", nb: "Teksten mangler avsluttende anførselstegn" })
    pos++
    try {
      return JSON.parse(text.slice(start, pos)) as string
    } catch {
      pos = start
      return fail({ en: "Invalid escape in string", nb: "Ugyldig escape-sekvens i tekst" })
    }
  }
  const value = (pointer: string, depth: number): unknown => {
    if (depth > maxDepth)
      fail({ en: `Nested deeper than ${maxDepth} levels`, nb: `Nøstet dypere enn ${maxDepth} nivåer` })
    ws()
    lines.set(pointer, line)
    const c = text[pos]
    if (c === "{") {
      pos++
      const out: Record<string, unknown> = {}
      ws()
      if (text[pos] === "}") {
        pos++
        return out
      }
      for (;;) {
        ws()
        if (text[pos] !== '"')
          fail({ en: "Expected a property name in double quotes", nb: "Forventet et feltnavn i doble anførselstegn" })
        const key = str()
        ws()
        if (text[pos] !== ":")
          fail({ en: "Expected ':' after the property name", nb: "Forventet ':' etter feltnavnet" })
        pos++
        // defineProperty, not assignment: a "__proto__" key must stay a plain
        // key, as JSON.parse keeps it, instead of replacing the prototype.
        Object.defineProperty(out, key, {
          value: value(`${pointer}/${escapePointer(key)}`, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        })
        ws()
        if (text[pos] === ",") pos++
        else if (text[pos] === "}") {
          pos++
          return out
        } else fail({ en: "Expected ',' or '}'", nb: "Forventet ',' eller '}'" })
      }
    }
    if (c === "[") {
      pos++
      const out: Array<unknown> = []
      ws()
      if (text[pos] === "]") {
        pos++
        return out
      }
      for (;;) {
        out.push(value(`${pointer}/${out.length}`, depth + 1))
        ws()
        if (text[pos] === ",") pos++
        else if (text[pos] === "]") {
          pos++
          return out
        } else fail({ en: "Expected ',' or ']'", nb: "Forventet ',' eller ']'" })
      }
    }
    if (c === '"') return str()
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/u.exec(text.slice(pos, pos + 400))
    if (m === null)
      return fail({
        en: pos >= text.length ? "Unexpected end of the file" : "Expected a value",
        nb: pos >= text.length ? "Uventet slutt på filen" : "Forventet en verdi",
      })
    pos += m[0].length
    return JSON.parse(m[0])
  }
  try {
    const v = value("", 0)
    ws()
    if (pos < text.length) fail({ en: "Unexpected text after the JSON value", nb: "Uventet tekst etter JSON-verdien" })
    return { ok: true, value: v, lines }
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e
    const before = text.slice(0, e.at)
    const column = e.at - before.lastIndexOf("\n")
    return { ok: false, line: before.split("\n").length, column, message: e.message }
  }
}

// True when a value stands deeper than `maxDepth` (the root is at depth 0),
// which the scanner refuses and JSON.parse accepts. The recursion stops at
// `maxDepth`, so it cannot overflow the stack.
// It walks every value of what may be a file of many megabytes, so it
// allocates nothing: no list of an object's values, as Object.values makes.
const tooDeep = (v: object, depth: number): boolean => {
  if (Array.isArray(v)) {
    if (v.length > 0 && depth >= maxDepth) return true
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i]
      if (typeof c === "object" && c !== null && tooDeep(c, depth + 1)) return true
    }
    return false
  }
  // JSON.parse makes plain objects whose keys are all their own, "__proto__" included.
  for (const key in v) {
    if (depth >= maxDepth) return true
    const c: unknown = (v as Record<string, unknown>)[key]
    if (typeof c === "object" && c !== null && tooDeep(c, depth + 1)) return true
  }
  return false
}

/**
 * Parses JSON text and records the line of every value.
 * @example
 * const r = JsonText.parse('{\n  "a": [1, 2]\n}')
 * r.ok && r.lineOf("/a/1") // 2
 * @category constructors
 */
export const parse = guard(
  "JsonText.parse",
  { en: "JSON text", nb: "JSON-tekst" },
  (text: string, take?: Take): Parsed => {
    if (typeof text !== "string") throw new TypeError("JsonText.parse takes a string")
    checkTake(take)
    return taken(parseText(text), take)
  },
)

const checkTake = (take: Take | undefined): void => {
  if (take === undefined) return
  if (
    typeof take !== "object" ||
    take === null ||
    typeof take.takes !== "function" ||
    typeof take.run !== "function" ||
    typeof take.restart !== "function"
  )
    throw new TypeError("take must be an object with the functions takes, run and restart")
}

// A valid value's taken lists handed over; a cut list was handed over while it was parsed.
const taken = (parsed: Parsed, take: Take | undefined): Parsed => {
  if (take !== undefined && parsed.ok) takeLists(parsed.value, take)
  return parsed
}

// A cut list's run may be handed over only when no element stands deeper than
// the scanner goes: a list of the top object holds its elements at depth 2.
const fitsDepth = (elements: ReadonlyArray<unknown>): boolean => {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]
    if (typeof e === "object" && e !== null && tooDeep(e, 2)) return false
  }
  return true
}

/**
 * Parses the UTF-8 bytes of JSON text (a file as read) as {@link parse}
 * parses their decoded text, with the same value, lines and errors. A
 * valid file is parsed as a one-byte string, faster than its decoded text
 * when it holds any character past U+00FF, and is decoded whole only when a
 * line or an error's place is needed. A leading byte order mark stays, as
 * Node's readFileSync(path, "utf8") keeps it.
 * @example
 * const r = JsonText.parseUtf8(new TextEncoder().encode('{"navn": "Bjørg"}'))
 * r.ok && r.value // { navn: "Bjørg" }
 * @category constructors
 */
export const parseUtf8 = guard(
  "JsonText.parseUtf8",
  { en: "the UTF-8 bytes of JSON text (a Uint8Array)", nb: "UTF-8-bytene til en JSON-tekst (en Uint8Array)" },
  (bytes: Uint8Array, take?: Take): Parsed => {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("JsonText.parseUtf8 takes a Uint8Array")
    checkTake(take)
    const pieces = bytes.length >= minPieceInput ? parseInPieces(bytes, {}, take, fitsDepth) : undefined
    return settled(pieces, () => bytes, take)
  },
)

/**
 * Parses a JSON file as {@link parseUtf8} parses its bytes, reading it as it
 * goes: `read` fills the array it is given with the file's next bytes and
 * gives how many it wrote, 0 at the end. A list of objects, or an object
 * whose members are such lists and small values (as a Dataset export is), is
 * parsed without ever holding the whole file. `whole` gives the file's bytes,
 * read again, only where they are needed: for a line, for an error's place,
 * or for a text of another shape. With `take` (see {@link Take}), the top
 * object's lists it takes are handed over as they are parsed, and their
 * records need not all be held at once.
 * @example
 * const fd = openSync(path, "r")
 * const r = JsonText.parseUtf8Read((into) => readSync(fd, into), () => readFileSync(path))
 * let sessions = 0
 * JsonText.parseUtf8Read(read, whole, {
 *   takes: (name) => name === "sessions",
 *   run: (_name, elements) => { sessions += elements.length },
 *   restart: () => { sessions = 0 },
 * })
 * @category constructors
 */
export const parseUtf8Read = guard(
  "JsonText.parseUtf8Read",
  {
    en: "a function that reads the next bytes into an array, and one that gives all of them",
    nb: "en funksjon som leser de neste bytene inn i en tabell, og en som gir alle",
  },
  (read: (into: Uint8Array) => number, whole: () => Uint8Array, take?: Take): Parsed => {
    if (typeof read !== "function" || typeof whole !== "function")
      throw new TypeError("JsonText.parseUtf8Read takes two functions")
    checkTake(take)
    const checkedRead = (into: Uint8Array): number => {
      const n = read(into)
      if (!Number.isSafeInteger(n) || n < 0 || n > into.length)
        throw new TypeError("read must give how many bytes it wrote")
      return n
    }
    const pieces = parseInPieces(checkedRead, {}, take, fitsDepth)
    const bytes = () => {
      const b = whole()
      if (!(b instanceof Uint8Array)) throw new TypeError("whole must give a Uint8Array")
      return b
    }
    return settled(pieces, bytes, take)
  },
)

// The result of parsing in pieces, or, where that gave no value, of parsing
// the bytes whole (what a take was handed until then is void).
const settled = (
  pieces: { readonly value: unknown } | undefined,
  bytes: () => Uint8Array,
  take: Take | undefined,
): Parsed => {
  if (pieces === undefined) {
    take?.restart()
    return taken(parseWhole(bytes()), take)
  }
  return taken(parsedValue(pieces.value, lazyText(bytes)), take)
}

// The bytes' text, decoded the first time it is asked for.
const lazyText = (bytes: () => Uint8Array): (() => string) => {
  let text: string | undefined
  return () => {
    text ??= utf8Text(bytes())
    return text
  }
}

// The bytes parsed as one one-byte string, or decoded whole.
const parseWhole = (bytes: Uint8Array): Parsed => {
  const oneByte = oneByteJson(bytes)
  if (oneByte === undefined) return parseText(utf8Text(bytes))
  let value: unknown
  try {
    value = JSON.parse(oneByte)
  } catch {
    // JSON.parse fails on the one-byte string exactly where it fails on the text: the text's own errors.
    return parseText(utf8Text(bytes))
  }
  return parsedValue(
    value,
    lazyText(() => bytes),
  )
}

// JSON.parse first: it is many times faster, and most texts are valid. The
// scanner runs only to say where and why a text is not JSON (Node 20's
// errors carry no position), and, for a valid text, the first time a line
// is asked for. Both accept exactly JSON, so the value is JSON.parse's,
// which also keeps a "__proto__" key as a plain key.
const parseText = (text: string): Parsed => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    const failed = scan(text)
    return failed.ok ? { ok: true, value: failed.value, lineOf: (pointer) => failed.lines.get(pointer) } : failed
  }
  return parsedValue(value, () => text)
}

// The result for a value JSON.parse gave: refused when it stands deeper than
// the scanner goes, with lines from the text, scanned when first asked for.
const parsedValue = (value: unknown, textOf: () => string): Parsed => {
  if (typeof value === "object" && value !== null && tooDeep(value, 0)) {
    const refused = scan(textOf())
    if (!refused.ok) return refused
  }
  let lines: Map<string, number> | undefined
  return {
    ok: true,
    value,
    lineOf: (pointer) => {
      if (lines === undefined) {
        const scanned = scan(textOf())
        lines = scanned.ok ? scanned.lines : new Map()
      }
      return lines.get(pointer)
    },
  }
}

/**
 * The line of the value at `pointer`, or of its nearest parent that has one
 * (a missing field is reported on the line of the object that lacks it).
 * @example
 * JsonText.nearestLine(parsed, "/offerings/3/name") // 41
 * @category constructors
 */
export const nearestLine = guard(
  "JsonText.nearestLine",
  { en: "a parsed text and a JSON pointer", nb: "en tolket tekst og en JSON-peker" },
  (parsed: Extract<Parsed, { ok: true }>, pointer: string): number => {
    let p = pointer
    for (;;) {
      const l = parsed.lineOf(p)
      if (l !== undefined) return l
      if (p === "") return 1
      p = p.slice(0, p.lastIndexOf("/"))
    }
  },
)
