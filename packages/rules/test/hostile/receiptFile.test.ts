// A receipt file as replay now reads it: the decision result evaluate
// --receipt writes, or the receipt alone. Crafted wrappers are read as one or
// the other and give problems with pointers, never an exception; the receipt
// is taken only from the wrapper's own "receipt" key, and nothing reaches
// Object.prototype.
import { afterEach, describe, expect, it } from "vitest"
import { Decision, Receipt, Subject } from "../../src/index.js"
import { adult, fixture, type Loose } from "../helpers.js"
import { examples } from "../nationalIds.js"
import { prototypeKeys } from "./prototype.js"

const before = prototypeKeys()
afterEach(() => {
  expect(prototypeKeys()).toEqual(before)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const subject = Subject.make({
  citizen: adult,
  offering: "mindfull-restorative-yoga",
  enrollment: { start: "2024-07-01", sessionsUsed: 4 },
})
const result = (): Loose =>
  JSON.parse(JSON.stringify(Decision.decide(fixture(), subject, "2024-07-15", { receipt: true })))

const corpus: ReadonlyArray<readonly [string, () => unknown]> = [
  ["an empty list", () => []],
  ["a list of two decisions", () => [result(), result()]],
  ["a receipt under an inherited key only", () => Object.create({ receipt: result().receipt }) as unknown],
  ["a receipt under a __proto__ key", () => JSON.parse(`{"__proto__": ${JSON.stringify(result().receipt)}}`)],
  ["a receipt wrapped twice", () => ({ receipt: result() })],
  ["a receipt that is a list", () => ({ ...result(), receipt: [result().receipt] })],
  ["a receipt that is null", () => ({ ...result(), receipt: null })],
  [
    "a receipt whose subject is polluting",
    () => {
      const r = result()
      r.receipt.subject = JSON.parse('{"__proto__": {"polluted": true}}')
      return r
    },
  ],
  [
    "a receipt with an identity number for a date",
    () => {
      const r = result()
      r.receipt.date = examples[0]
      return r
    },
  ],
]

describe("hostile receipt files", () => {
  it.each(corpus)("%s is refused with problems, never thrown, and echoes no identity number", (_, make) => {
    const decoded = Receipt.decode(make(), fixture().catalogue)
    expect(decoded.ok).toBe(false)
    if (decoded.ok) return
    expect(decoded.problems.length).toBeGreaterThan(0)
    for (const p of decoded.problems) {
      expect(p.pointer === "" || p.pointer.startsWith("/")).toBe(true)
      for (const id of examples) expect(JSON.stringify(p.message)).not.toContain(id)
    }
  })
})
