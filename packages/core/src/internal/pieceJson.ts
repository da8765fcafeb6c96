// A large JSON file parsed a piece at a time. One JSON.parse of a whole
// 80 MB file needs the file's text as one string beside its bytes, and
// making that string needs its parts too: some 160 MB of memory touched
// once, which costs more than the parse on a machine where fresh memory is
// slow. Here a long list of objects, at the top or as a member of the top
// object, is parsed in pieces of about 64 KiB, whose texts die young.
//
// The value is exactly JSON.parse's, or there is none and the caller parses
// the text whole (and reports where a broken one breaks):
// - a piece is a run of list elements ending before a `,` or the list's
//   `]`, taken only when `[` + piece + `]` parses. A run that parses alone
//   is balanced, so the `,` or `]` after it stands in the list itself, and
//   runs joined by commas parse as one list;
// - the top object is parsed by JSON.parse with each cut list as `[]` and
//   then given its elements, which is JSON.parse's value when no member
//   name comes twice and none is `__proto__` (then the text is parsed whole);
// - pieces and the parts between them start and end at ASCII bytes, so
//   decoding each apart gives the code units decoding the whole gives.
// How a piece's end is found only decides how fast this is, never the value.
import { afterEscape, oneByteJson, utf8Text } from "./oneByteJson.js"

// Below this a file is parsed whole: one JSON.parse is as quick.
export const minPieceInput = 1 << 22
// Young-generation strings: made, parsed and dropped before a collection.
const defaultPieceBytes = 1 << 16
// A member value that is not a list of objects is read byte by byte, so it must be small.
const maxSmallValue = 1 << 20
// Bytes held past the current place when reading a window at a time: more
// than a piece, a member's name or a small value need.
const defaultLookahead = 1 << 22
// The window a file is read into, grown only for a piece that does not fit.
const defaultWindowBytes = 1 << 23

/** How an input is cut and read; other than the defaults only in tests, to cut small texts often. */
export interface Sizes {
  readonly pieceBytes: number
  readonly lookahead: number
  readonly windowBytes: number
}

const defaults: Sizes = { pieceBytes: defaultPieceBytes, lookahead: defaultLookahead, windowBytes: defaultWindowBytes }

const QUOTE = 0x22
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

const skipSpace = (bytes: Uint8Array, i: number): number => {
  while (isSpace(bytes[i])) i++
  return i
}

/**
 * Lists of the top object handed over rather than kept: a member `takes`
 * accepts gives its elements to `run`, a run at a time in their order, and
 * stands in the value as `[]`. The elements come from JSON.parse, as the
 * list's would. `restart` says that what was handed over is void, because
 * the text is parsed again from its start.
 */
export interface Take {
  readonly takes: (name: string) => boolean
  readonly run: (name: string, elements: ReadonlyArray<unknown>) => void
  readonly restart: () => void
}

/** Fills `into` with the input's next bytes and gives how many it wrote: 0 at the end. */
export type ReadInto = (into: Uint8Array) => number

// The bytes held of an input, all of it or a window read a piece at a time.
// Positions are indexes into `bytes`; `keep` moves the bytes still needed
// to the start of the window, so only the position it gives back stays valid.
class Window {
  private constructor(
    readonly sizes: Sizes,
    private buffer: Uint8Array,
    public bytes: Uint8Array,
    public done: boolean,
    private readonly readInto: ReadInto | undefined,
  ) {}

  static of(input: Uint8Array | ReadInto, sizes: Sizes): Window {
    return input instanceof Uint8Array
      ? new Window(sizes, input, input, true, undefined)
      : new Window(sizes, new Uint8Array(sizes.windowBytes), new Uint8Array(0), false, input)
  }

  /** Holds at least `ahead` bytes from `from` on, or all to the input's end; gives `from`'s new index. */
  keep(from: number, ahead: number): number {
    const held = this.bytes.length - from
    if (this.done || held >= ahead || this.readInto === undefined) return from
    if (this.buffer.length < ahead) {
      const bigger = new Uint8Array(Math.max(2 * ahead, 2 * this.buffer.length))
      bigger.set(this.bytes.subarray(from))
      this.buffer = bigger
    } else this.buffer.copyWithin(0, from, this.bytes.length)
    let n = held
    while (n < this.buffer.length) {
      const got = this.readInto(this.buffer.subarray(n))
      if (got === 0) {
        this.done = true
        break
      }
      n += got
    }
    this.bytes = this.buffer.subarray(0, n)
    return 0
  }
}

// The text of bytes [from, to), which start and end at ASCII bytes. As
// many code units as bytes means no character took two bytes or more, so
// the text is already one-byte (or holds a U+FFFD, as oneByteJson's would):
// most pieces need no search for non-ASCII runs.
const textOf = (bytes: Uint8Array, from: number, to: number): string => {
  const part = bytes.subarray(from, to)
  const text = utf8Text(part)
  return text.length === part.length ? text : (oneByteJson(part) ?? text)
}

// The index just past the string whose opening quote is at `open`, or -1.
const stringEnd = (bytes: Uint8Array, open: number): number => {
  let i = open + 1
  for (;;) {
    const q = bytes.indexOf(QUOTE, i)
    if (q < 0) return -1
    if (!afterEscape(bytes, q)) return q + 1
    i = q + 1
  }
}

// The index just past a small member value starting at `from` (a scalar,
// string, object or list), or -1. JSON.parse checks it later, as part of the top object.
const smallValueEnd = (bytes: Uint8Array, from: number): number => {
  let depth = 0
  const last = Math.min(bytes.length, from + maxSmallValue)
  for (let i = from; i < last; i++) {
    const b = bytes[i]!
    if (b === QUOTE) {
      const end = stringEnd(bytes, i)
      if (end < 0) return -1
      if (depth === 0) return end
      i = end - 1
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (depth === 0) return i
      depth--
      if (depth === 0) return i + 1
    } else if (depth === 0 && (b === COMMA || isSpace(b))) return i
  }
  return -1
}

// The elements of [from, to) as a list, or undefined when they do not parse
// as one. No elements is no piece: `[{…},]` is not JSON.
const piece = (bytes: Uint8Array, from: number, to: number): Array<unknown> | undefined => {
  if (skipSpace(bytes, from) >= to) return undefined
  try {
    return JSON.parse(`[${textOf(bytes, from, to)}]`) as Array<unknown>
  } catch {
    return undefined
  }
}

// The first `}` in [from, to) followed, past spaces, by `,` and then `{`: where a list of objects may be cut.
// Searched no further than `to`, so a search costs no more than the piece it may give.
const nextCut = (bytes: Uint8Array, from: number, to: number): number => {
  const near = bytes.subarray(0, Math.min(to, bytes.length))
  for (let i = from; ; ) {
    const c = near.indexOf(CLOSE_BRACE, i)
    if (c < 0) return -1
    const comma = skipSpace(bytes, c + 1)
    if (bytes[comma] === COMMA && bytes[skipSpace(bytes, comma + 1)] === OPEN_BRACE) return c
    i = c + 1
  }
}

// One list of the pieces' elements; concat copies them natively, a few thousand lists at a time.
const joined = (pieces: ReadonlyArray<Array<unknown>>): Array<unknown> => {
  let out: Array<unknown> = []
  for (let i = 0; i < pieces.length; i += 4096) out = out.concat(...pieces.slice(i, i + 4096))
  return out
}

// Where the run of list elements starting at `from` may end, found by
// following strings and nesting: the first `,` at the list's own depth at
// or after `after`, or the `]` that closes the list; -1 if there is none.
// Slower than a cut found by indexOf, so used only where such a cut failed.
const boundary = (bytes: Uint8Array, from: number, after: number): number => {
  let depth = 0
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === QUOTE) {
      const end = stringEnd(bytes, i)
      if (end < 0) return -1
      i = end - 1
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (depth === 0) return b === CLOSE_BRACKET ? i : -1
      depth--
    } else if (b === COMMA && depth === 0 && i >= after) return i
  }
  return -1
}

/**
 * A list of objects whose `[` is at `open`: its elements and the index past
 * its `]`, or undefined. Pieces are cut about every `pieceBytes` where
 * indexOf finds a cut; where that cut does not parse (it lies inside a
 * record, or past the list's end), the piece's end is found by following
 * the bytes' strings and nesting instead. A list's first piece is found so
 * too, so a short list costs its own bytes, not a search a piece long; and
 * a cut is searched for only up to two pieces on, so a list with none, or a
 * cut in a later list, costs no more than the piece found instead. A piece
 * that failed is under two pieces long and the one found instead at least
 * one, so every byte is parsed at most three times.
 */
const listOfObjects = (
  w: Window,
  open: number,
  sink?: (elements: Array<unknown>) => boolean,
): { readonly value: Array<unknown>; readonly end: number } | undefined => {
  const { pieceBytes, lookahead } = w.sizes
  // The pieces' lists, joined once at the end; a sink takes them instead, or refuses one.
  const pieces: Array<Array<unknown>> = []
  let runs = 0
  const hand = (elements: Array<unknown>): boolean => {
    runs++
    if (sink === undefined) pieces.push(elements)
    else return sink(elements)
    return true
  }
  let from = open + 1
  let ahead = pieceBytes + lookahead
  for (;;) {
    from = w.keep(from, ahead)
    const bytes = w.bytes
    const cut = runs === 0 ? -1 : nextCut(bytes, from + pieceBytes, from + 2 * pieceBytes)
    const some = cut < 0 ? undefined : piece(bytes, from, cut + 1)
    if (some !== undefined) {
      if (!hand(some)) return undefined
      from = skipSpace(bytes, cut + 1) + 1
      ahead = pieceBytes + lookahead
      continue
    }
    const end = boundary(bytes, from, from + pieceBytes)
    const rest = end < 0 ? undefined : piece(bytes, from, end)
    if (rest === undefined) {
      // A run whose end was found whole and that does not parse is broken: more bytes cannot mend it.
      if (w.done || end >= 0) return undefined
      // The run may go on past the bytes held: hold twice as many, up to the input's end.
      ahead = 2 * Math.max(ahead, bytes.length - from)
      continue
    }
    if (!hand(rest)) return undefined
    if (bytes[end] === CLOSE_BRACKET) return { value: joined(pieces), end: end + 1 }
    from = end + 1
    // One long element made the window grow; the next pieces need no more than usual.
    ahead = pieceBytes + lookahead
  }
}

// Whether a list of objects starts at `i` (its `[`).
const listOfObjectsAt = (bytes: Uint8Array, i: number): boolean =>
  bytes[i] === OPEN_BRACKET && bytes[skipSpace(bytes, i + 1)] === OPEN_BRACE

// The top object, with its lists of objects parsed in pieces; a taken list's
// pieces go to `take` once `fits` passes each, and it stays `[]`.
const topObject = (
  w: Window,
  open: number,
  take: Take | undefined,
  fits: (elements: Array<unknown>) => boolean,
): { value: unknown; end: number } | undefined => {
  const { lookahead } = w.sizes
  const skeleton: Array<string> = ["{"]
  const lists: Array<readonly [string, Array<unknown>]> = []
  const names = new Set<string>()
  let i = w.keep(open + 1, lookahead)
  let bytes = w.bytes
  i = skipSpace(bytes, i)
  if (bytes[i] === CLOSE_BRACE) return undefined
  for (;;) {
    if (bytes[i] !== QUOTE) return undefined
    const nameEnd = stringEnd(bytes, i)
    if (nameEnd < 0) return undefined
    const nameText = textOf(bytes, i, nameEnd)
    let name: unknown
    try {
      name = JSON.parse(nameText)
    } catch {
      return undefined
    }
    if (typeof name !== "string" || name === "__proto__" || names.has(name)) return undefined
    names.add(name)
    i = skipSpace(bytes, nameEnd)
    if (bytes[i] !== COLON) return undefined
    i = skipSpace(bytes, i + 1)
    if (listOfObjectsAt(bytes, i)) {
      const taken = take?.takes(name) === true
      const list = listOfObjects(
        w,
        i,
        taken
          ? (elements) => {
              if (!fits(elements)) return false
              take!.run(name, elements)
              return true
            }
          : undefined,
      )
      if (list === undefined) return undefined
      skeleton.push(nameText, ":[]")
      if (!taken) lists.push([name, list.value])
      i = list.end
    } else {
      const end = smallValueEnd(bytes, i)
      if (end < 0) return undefined
      skeleton.push(nameText, ":", textOf(bytes, i, end))
      i = end
    }
    i = w.keep(i, lookahead)
    bytes = w.bytes
    i = skipSpace(bytes, i)
    if (bytes[i] === CLOSE_BRACE) break
    if (bytes[i] !== COMMA) return undefined
    skeleton.push(",")
    i = skipSpace(bytes, i + 1)
  }
  skeleton.push("}")
  let value: Record<string, unknown>
  try {
    value = JSON.parse(skeleton.join("")) as Record<string, unknown>
  } catch {
    return undefined
  }
  // Each name is the object's own, made by JSON.parse as `[]`, and none is __proto__.
  for (const [name, items] of lists) value[name] = items
  return { value, end: i + 1 }
}

// Whether nothing but spaces follows `from`, to the input's end.
const onlySpaceAfter = (w: Window, from: number): boolean => {
  for (let i = from; ; ) {
    i = skipSpace(w.bytes, w.keep(i, w.sizes.lookahead))
    if (i < w.bytes.length) return false
    if (w.done) return true
  }
}

/**
 * Hands each list member of `value`, when it is a plain object, that `take`
 * takes to it whole, and leaves `[]` in its place: what parsing in pieces
 * does for a cut list, for a list parsed whole or too short to cut.
 */
export const takeLists = (value: unknown, take: Take): void => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return
  const o = value as Record<string, unknown>
  for (const name of Object.keys(o)) {
    const list = o[name]
    if (!Array.isArray(list) || list.length === 0 || !take.takes(name)) continue
    take.run(name, list)
    // JSON.parse's own key (never the prototype, even for "__proto__"): assigned as data.
    Object.defineProperty(o, name, { value: [], writable: true, enumerable: true, configurable: true })
  }
}

/**
 * The value JSON.parse gives for the UTF-8 text of `input`, parsed in
 * pieces, or undefined when the text is not a list of objects or an object
 * holding such lists, or when it may not parse: then the caller parses it
 * whole. `input` is the text's bytes, or a function that reads them a
 * window at a time, so that the whole text is never held. With `take`, the
 * top object's lists it takes are handed over (see {@link Take}); a run is
 * handed over only when `fits` passes it, and otherwise there is no value.
 */
export const parseInPieces = (
  input: Uint8Array | ReadInto,
  sizes: Partial<Sizes> = {},
  take?: Take,
  fits: (elements: Array<unknown>) => boolean = () => true,
): { readonly value: unknown } | undefined => {
  const w = Window.of(input, { ...defaults, ...sizes })
  const start = skipSpace(w.bytes, w.keep(0, w.sizes.lookahead))
  const bytes = w.bytes
  const top =
    bytes[start] === OPEN_BRACE
      ? topObject(w, start, take, fits)
      : listOfObjectsAt(bytes, start)
        ? listOfObjects(w, start)
        : undefined
  if (top === undefined || !onlySpaceAfter(w, top.end)) return undefined
  return { value: top.value }
}
