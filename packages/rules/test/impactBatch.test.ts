// Comparer.addAll compares outcome codes date by date instead of deciding
// each item twice; it must give exactly what add gives item by item: the
// same changes in the same order, and the same totals.
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Item } from "../src/DatasetSubjects.js"
import { DatasetSubjects, Decision, Impact, PolicyTree, RulesError } from "../src/index.js"
import type { Tree } from "../src/PolicyTree.js"
import type { Subject } from "../src/Subject.js"
import { subjectOnDate } from "./arbitraries.js"
import { editJson, filesWith, fileText, fixture, fixturePolicy } from "./helpers.js"

const runs = Number(process.env.FUZZ_RUNS ?? 100)
const year = generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 300 })
// With the synthetic year, citizens who turn 18 (or 25) in the year, known by their birth year only: unknown outcomes.
const items: ReadonlyArray<Item> = [
  ...DatasetSubjects.of(year, fixturePolicy()),
  ...[2006, 1999].flatMap((birthYear) =>
    ["2024-03-01", "2024-09-01"].map((date) => ({
      key: `born ${birthYear} asked ${date}`,
      date,
      subject: {
        citizen: { birthYear, departments: ["psykisk-helse"] },
        offering: "mindfull-restorative-yoga",
      } as unknown as Subject,
    })),
  ),
]

const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const minimumAge = "parameters/citizen/minimum-age.yaml"
const removed = "eligibility/karate-needs-intake"
const heads: ReadonlyArray<readonly [string, () => Tree]> = [
  ["the same tree", fixture],
  [
    "6 yoga sessions from July 2024",
    () =>
      PolicyTree.loadOrThrow(
        filesWith({ [yoga]: editJson(yoga, (v) => v.values.push({ from: "2024-07-01", value: 6 })) }),
      ),
  ],
  // Citizens near the age limit with only a birth year get unknown outcomes, which addAll words apart.
  [
    "a minimum age of 25",
    () =>
      PolicyTree.loadOrThrow(
        filesWith({ [minimumAge]: fileText(minimumAge).replace(/value: 18\s*$/u, "value: 25\n") }),
      ),
  ],
  [
    "a rule removed",
    () => PolicyTree.loadOrThrow(filesWith({ [`${removed}.json`]: undefined, [`${removed}.cases.yaml`]: undefined })),
  ],
]

const oneByOne = (base: Tree, head: Tree, xs: ReadonlyArray<Item>) => {
  const c = Impact.comparer(base, head)
  const changes = xs.flatMap((x) => c.add(x))
  return { changes, summary: c.summary() }
}

const batched = (base: Tree, head: Tree, xs: ReadonlyArray<Item>, chunk: number) => {
  const c = Impact.comparer(base, head)
  const changes: Array<Impact.Change> = []
  for (let i = 0; i < xs.length; i += chunk) changes.push(...c.addAll(xs.slice(i, i + chunk)))
  return { changes, summary: c.summary() }
}

// The changes as the explaining path words them, one Decision.decide per item and tree.
const byDecide = (base: Tree, head: Tree, xs: ReadonlyArray<Item>) => {
  const outcomes = (tree: Tree, x: Item) => {
    const d = Decision.decide(tree, x.subject, x.date)
    return new Map([
      ...d.notApplicable.map((rule) => [rule, "not applicable"] as const),
      ...d.decisions.map((r) => [r.rule, Impact.show(r.outcome)] as const),
    ])
  }
  return xs.flatMap((x) => {
    const before = outcomes(base, x)
    const after = outcomes(head, x)
    return [...new Set([...before.keys(), ...after.keys()])].flatMap((rule) => {
      const b = before.get(rule) ?? "not in force"
      const a = after.get(rule) ?? "not in force"
      return b === a ? [] : [`${x.key} ${rule}: ${b} → ${a}`]
    })
  })
}

describe("Comparer.addAll", () => {
  it.each(heads)("gives add's changes and totals on a synthetic year against %s", (_name, head) => {
    const h = head()
    const expected = oneByOne(fixture(), h, items)
    for (const chunk of [items.length, 1000, 7]) {
      expect(batched(fixture(), h, items, chunk)).toEqual(expected)
      expect(batched(h, fixture(), items, chunk)).toEqual(oneByOne(h, fixture(), items))
    }
  })

  it.each(heads)("finds the changes Decision.decide finds item by item, against %s", (_name, head) => {
    const h = head()
    const some = items.filter((_, i) => i % 5 === 0 || i >= items.length - 4)
    const found = batched(fixture(), h, some, 1000).changes.map((c) => `${c.key} ${c.rule}: ${c.before} → ${c.after}`)
    expect(found.sort()).toEqual(byDecide(fixture(), h, some).sort())
  })

  it("has the changes to compare in the first place", () => {
    const h = heads[2]![1]()
    const { changes } = oneByOne(fixture(), h, items)
    const unknown = (c: Impact.Change) => c.before.startsWith("unknown(") || c.after.startsWith("unknown(")
    expect(changes.length).toBeGreaterThan(0)
    expect(changes.some(unknown)).toBe(true)
    expect(changes.some((c) => !unknown(c))).toBe(true)
  })

  it("gives add's changes and totals on any subjects and dates", () => {
    const trees = heads.map(([, h]) => h())
    const item = fc.tuple(subjectOnDate, fc.string({ maxLength: 8 })).map(([s, key]) => ({ key, ...s }))
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 40 }),
        fc.nat({ max: trees.length - 1 }),
        fc.boolean(),
        (xs, h, reverse) => {
          const [base, head] = reverse ? [trees[h]!, fixture()] : [fixture(), trees[h]!]
          expect(batched(base, head, xs, 40)).toEqual(oneByOne(base, head, xs))
        },
      ),
      { numRuns: runs },
    )
  })

  it("stops at an item that is not one, having counted those before it, as add does", () => {
    const c = Impact.comparer(fixture(), fixture())
    const bad = [items[0]!, { key: "x", date: "2024-02-30", subject: {} }, items[1]!]
    expect(() => c.addAll(bad as Array<Item>)).toThrow(RulesError)
    expect(c.summary().subjects).toBe(1)
    expect(() => c.addAll("items" as unknown as Array<Item>)).toThrow(RulesError)
  })
})
