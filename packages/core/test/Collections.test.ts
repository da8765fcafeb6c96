import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Collections } from "../src/index.js"

describe("Collections", () => {
  it("groupBy keeps input order inside a group and leaves out undefined keys", () => {
    const g = Collections.groupBy([3, 1, 4, 1, 5, 9, 2, 6], (n) => (n === 9 ? undefined : n % 2))
    expect([...g.entries()]).toEqual([
      [1, [3, 1, 1, 5]],
      [0, [4, 2, 6]],
    ])
  })

  it("groupBy, countBy and indexBy agree with a plain loop on any input", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ k: fc.option(fc.constantFrom("a", "b", "__proto__"), { nil: undefined }), v: fc.integer() }),
        ),
        (xs) => {
          const groups = Collections.groupBy(xs, (x) => x.k)
          const counts = Collections.countBy(xs, (x) => x.k)
          const kept = xs.filter((x) => x.k !== undefined)
          expect([...groups.values()].flat().length).toBe(kept.length)
          for (const [k, list] of groups) {
            expect(list).toEqual(kept.filter((x) => x.k === k))
            expect(counts.get(k)).toBe(list.length)
          }
          const index = Collections.indexBy(kept, (x) => x.k)
          for (const [k, x] of index) expect(x).toBe(kept.findLast((y) => y.k === k))
          expect(({} as Record<string, unknown>).a).toBeUndefined()
        },
      ),
    )
  })
})

describe("Collections.deepFreeze", () => {
  it("freezes plain objects and arrays all the way down, and gives the value back", () => {
    const rule = { min: 1, max: 4, labels: [{ nb: "liten", en: "small" }] }
    expect(Collections.deepFreeze(rule)).toBe(rule)
    expect(Object.isFrozen(rule) && Object.isFrozen(rule.labels) && Object.isFrozen(rule.labels[0])).toBe(true)
    expect(() => {
      ;(rule as { min: number }).min = 0
    }).toThrow(TypeError)
    for (const x of [1, "a", null, undefined]) expect(Collections.deepFreeze(x)).toBe(x)
  })

  it("any nested value ends up frozen (property)", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const frozen = Collections.deepFreeze(v)
        const all = (x: unknown): boolean =>
          typeof x !== "object" ||
          x === null ||
          (Object.isFrozen(x) && Reflect.ownKeys(x).every((k) => all((x as Record<PropertyKey, unknown>)[k])))
        expect(all(frozen)).toBe(true)
      }),
    )
  })
})
