// The fast path must never change an answer: for every entity, on valid
// records and on random corruptions of them, a record it accepts is one Effect
// accepts with the same output, and anything else falls back to Effect.
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { entities, entityNames } from "../../src/Dataset.js"
import { checkerOf, FALLBACK } from "../../src/internal/fastDecode.js"
import { generate } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const year = generate({ policy, seed: 4, year: 2024, citizens: 120 })

const corrupt = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant("2024-02-30"),
  fc.constant([]),
  fc.constant({}),
)

describe("the compiled fast path agrees with Effect", () => {
  it("compiles a checker for every entity", () => {
    expect(entityNames.filter((e) => checkerOf(entities[e].ast) === undefined)).toEqual([])
  })

  for (const entity of entityNames) {
    const records = year[entity] as ReadonlyArray<Record<string, unknown>>
    if (records.length === 0) continue
    it(`${entity}: valid records decode to Effect's output; corrupted ones never pass unless Effect passes them`, () => {
      const schema = entities[entity] as unknown as Schema.Codec<unknown, unknown>
      const effect = Schema.decodeUnknownResult(schema)
      const fast = checkerOf(entities[entity].ast)!
      for (const r of records.slice(0, 200)) {
        const e = effect(r, { onExcessProperty: "error" })
        expect(Result.isSuccess(e)).toBe(true)
        expect(JSON.stringify(fast(r))).toBe(JSON.stringify(Result.isSuccess(e) ? e.success : undefined))
      }
      fc.assert(
        fc.property(
          fc.constantFrom(...records),
          fc.string({ maxLength: 12 }),
          corrupt,
          fc.boolean(),
          (r, key, value, existing) => {
            const keys = Object.keys(r)
            const k = existing && keys.length > 0 ? keys[key.length % keys.length]! : key
            const changed: Record<string, unknown> = { ...r }
            if (value === undefined) delete changed[k]
            else changed[k] = value
            const out = fast(changed)
            const e = effect(changed, { onExcessProperty: "error" })
            if (out !== FALLBACK) {
              expect(Result.isSuccess(e)).toBe(true)
              expect(JSON.stringify(out)).toBe(JSON.stringify(Result.isSuccess(e) ? e.success : undefined))
            }
          },
        ),
        { numRuns: Math.max(50, Math.floor(runs / 10)) },
      )
    })
  }
})

describe("the fast path with reuse (JSON.parse's output)", () => {
  for (const entity of entityNames) {
    const records = JSON.parse(JSON.stringify(year[entity])) as ReadonlyArray<Record<string, unknown>>
    if (records.length === 0) continue
    it(`${entity}: a valid record comes back as it is, equal to Effect's output`, () => {
      const effect = Schema.decodeUnknownResult(entities[entity] as unknown as Schema.Codec<unknown, unknown>)
      const reuse = checkerOf(entities[entity].ast, true)!
      for (const r of records.slice(0, 200)) {
        const e = effect(r, { onExcessProperty: "error" })
        expect(reuse(r)).toBe(r)
        expect(JSON.stringify(reuse(r))).toBe(JSON.stringify(Result.isSuccess(e) ? e.success : undefined))
      }
    })
  }

  it("copies a record whose keys are in another order, or that is not a plain object", () => {
    const r = JSON.parse(JSON.stringify(year.citizens[0])) as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(r).reverse())
    const reuse = checkerOf(entities.citizens.ast, true)!
    const out = reuse(reordered)
    expect(out).not.toBe(reordered)
    expect(JSON.stringify(out)).toBe(JSON.stringify(checkerOf(entities.citizens.ast)!(r)))
    const inherited = Object.assign(Object.create({ extra: 1 }), r)
    expect(reuse(inherited)).not.toBe(inherited)
  })

  it("leaves to Effect a record with an own property its keys do not list, however the keys are ordered", () => {
    // The next listed key is taken as present; any other schema field is still looked up.
    const e = JSON.parse(JSON.stringify(year.enrollments.find((x) => x.end === undefined))) as Record<string, unknown>
    for (const reuse of [true, false]) {
      const check = checkerOf(entities.enrollments.ast, reuse)!
      const hidden = { ...e }
      Object.defineProperty(hidden, "end", { value: "2024-12-31", enumerable: false })
      expect(check(hidden)).toBe(FALLBACK)
      const reversed = Object.fromEntries(Object.entries(e).reverse())
      Object.defineProperty(reversed, "end", { value: "2024-12-31", enumerable: false })
      expect(check(reversed)).toBe(FALLBACK)
    }
  })
})
