// Which open inputs can change each rule's answer is remembered per plan and
// per the facts the inputs decide. Whatever was asked before, the answer
// must be the one worked out afresh from the inputs' facts.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Readers, relevanceOf } from "../../src/decide/relevance.js"
import { meetingOptions } from "../../src/internal/derive.js"
import type { Open } from "../../src/internal/open.js"

// Names that would run together if a key were only joined with commas.
const names = ["age", "jointMeetingHeld", "a", "b", "c", "a,b", "b,c", '"', ""]

/** The long way: rule i is touched by input j when one of j's options decides a fact i reads. */
const fresh = (
  rules: ReadonlyArray<{ reads: ReadonlyArray<string>; applies: ReadonlyArray<string> }>,
  open: ReadonlyArray<Open>,
) =>
  rules.map((rule) => {
    const decides = (o: Open, facts: ReadonlyArray<string>) =>
      o.options.some((option) => Object.keys(option).some((f) => facts.includes(f)))
    const relevant = open.flatMap((o, j) => (decides(o, rule.reads) ? [j] : []))
    return {
      relevant: relevant.length === 0 ? undefined : relevant,
      scoped: relevant.some((j) => decides(open[j]!, rule.applies)),
    }
  })

const planOf = (rules: ReadonlyArray<{ reads: ReadonlyArray<string>; applies: ReadonlyArray<string> }>): Readers => {
  const readers = new Map<string, Array<number>>()
  rules.forEach((r, i) => {
    for (const f of r.reads) readers.set(f, [...(readers.get(f) ?? []), i])
  })
  return { readers, steps: rules.map((r) => ({ appliesFacts: new Set(r.applies) })) }
}

const rule = fc
  .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 })
  .chain((reads) => fc.subarray(reads).map((applies) => ({ reads, applies })))

const option = fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 }).map((keys) => {
  const o: Record<string, boolean> = {}
  for (const k of keys)
    Object.defineProperty(o, k, { value: true, enumerable: true, writable: true, configurable: true })
  return o
})

const openInput: fc.Arbitrary<Open> = fc.oneof(
  fc.constant(meetingOptions),
  fc.array(option, { minLength: 1, maxLength: 3 }).map((options) => ({ missing: "x", options })),
)

describe("relevanceOf", () => {
  it("gives what the inputs' facts give afresh, however many sets of inputs a plan was asked about before (property)", () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(openInput, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (rules, asked) => {
          const plan = planOf(rules)
          for (const open of asked) {
            const got = relevanceOf(plan, open)
            const want = fresh(rules, open)
            rules.forEach((_, i) => {
              expect(got.relevant[i]).toEqual(want[i]!.relevant)
              expect(got.scoped[i] ?? false).toBe(want[i]!.scoped)
            })
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it("tells apart inputs whose options' facts would read alike if only joined with commas", () => {
    const plan = planOf([
      { reads: ["c"], applies: ["c"] },
      { reads: ["a"], applies: [] },
    ])
    const first = { missing: "x", options: [{ "a,b": 1 }, { c: 1 }] }
    const second = { missing: "x", options: [{ a: 1 }, { "b,c": 1 }] }
    expect(relevanceOf(plan, [first])).toEqual({ relevant: [[0]], scoped: [true, false] })
    expect(relevanceOf(plan, [second])).toEqual({ relevant: [undefined, [0]], scoped: [false, false] })
  })
})
