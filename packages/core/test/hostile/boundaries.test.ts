// Every public function of core, called with wrong-typed values: it returns a
// result or problems, or throws one of core's own bilingual errors — never a
// raw TypeError from deep inside, and never with an identity number.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Core from "../../src/index.js"
import * as Node from "../../src/node/index.js"
import * as Redact from "../../src/Redact.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)

const throwing = () =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error("getter 01019012345")
      },
      ownKeys: () => {
        throw new Error("ownKeys 01019012345")
      },
    },
  )
const cyclic = () => {
  const o: Record<string, unknown> = { id: "01019012345" }
  o.self = o
  o.list = [o]
  return o
}
const junk = fc.oneof(
  fc.anything(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant("01019012345"),
  fc.constant("010190 12345"),
  fc.constant("010190/12345"),
  fc.constant(Number.NaN),
  fc.func(fc.anything()),
  fc.constant(0).map(throwing),
  fc.constant(0).map(cyclic),
  fc.constant(0).map(() => [throwing(), cyclic(), null]),
)

/** A thrown value is acceptable when it is an Error of ours: bilingual, no identity number. */
const isTyped = (e: unknown): boolean => {
  if (!(e instanceof Error)) return false
  const bilingual =
    ("en" in e && "nb" in e && typeof e.en === "string" && typeof e.nb === "string") ||
    ("text" in e && typeof e.text === "object" && e.text !== null && "nb" in e.text) ||
    ("problems" in e && Array.isArray(e.problems))
  return bilingual && !Redact.containsNationalId(e.message)
}

const functions = (ns: Record<string, unknown>, prefix: string): Array<[string, (...a: Array<unknown>) => unknown]> =>
  Object.entries(ns).flatMap(([name, v]) => {
    if (typeof v === "function" && !/^[A-Z]/u.test(name))
      return [[`${prefix}${name}`, v as (...a: Array<unknown>) => unknown]]
    if (typeof v === "object" && v !== null && /^[A-Z]/u.test(name) && prefix === "")
      return functions(v as Record<string, unknown>, `${name}.`)
    return []
  })

const all = [
  ...functions(Core as unknown as Record<string, unknown>, ""),
  ...functions(Node as unknown as Record<string, unknown>, "node."),
]
const skip = new Set<string>()

describe("public functions with wrong-typed arguments", () => {
  it(`covers the public API (${all.length} functions)`, () => {
    expect(all.length).toBeGreaterThan(40)
  })

  it("never throw a raw exception", async () => {
    const raw = new Map<string, string>()
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.array(junk, { maxLength: 3 }),
        async (i, args) => {
          const [name, f] = all[i]!
          if (skip.has(name)) return
          try {
            const out = f(...args)
            if (out instanceof Promise) await out
          } catch (e) {
            if (!isTyped(e)) raw.set(name, e instanceof Error ? `${e.name}: ${e.message.slice(0, 80)}` : String(e))
          }
        },
      ),
      { numRuns: runs },
    )
    expect([...raw].map(([n, m]) => `${n} → ${Redact.text(m)}`)).toEqual([])
  })
})
