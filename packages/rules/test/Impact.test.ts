import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { DatasetSubjects, Impact, PolicyTree } from "../src/index.js"
import { editJson, filesWith, fixture, fixturePolicy } from "./helpers.js"

const year = generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 300 })
const items = DatasetSubjects.of(year, fixturePolicy())
const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions.json"

describe("DatasetSubjects", () => {
  it("gives subjects for enrollments, no-shows, goal evaluations, FIT scores and proposals", () => {
    const kinds = new Set(
      items.map((i) =>
        i.key.split(" ")[0] === "enrollment" ? `enrollment ${i.key.split(" ")[2]}` : i.key.split(" ")[0],
      ),
    )
    expect([...kinds].sort()).toEqual(
      ["FIT", "attendance", "enrollment period", "enrollment start", "goal", "proposal"].sort(),
    )
    expect(items.filter((i) => i.key.startsWith("FIT")).length).toBe(year.fitScores.length)
    expect(items.filter((i) => i.key.endsWith(" start")).length).toBe(year.enrollments.length)
    // Whether the joint meeting was held comes from the records, not a guess.
    const starts = items.filter((i) => i.key.endsWith(" start") && i.subject.referral === true)
    expect(starts.length).toBeGreaterThan(0)
    for (const s of starts) {
      const e = year.enrollments.find((x) => `enrollment ${x.id} start` === s.key)!
      expect(s.subject.jointMeetingHeld).toBe(
        year.jointMeetings.some((m) => m.referralId === e.referralId && m.date <= e.start),
      )
    }
  })
})

describe("Impact.compare", () => {
  it("finds no change between a tree and itself", () => {
    const impact = Impact.compare(fixture(), fixture(), items)
    expect(impact.changes).toEqual([])
    expect(impact.decisions.base).toBe(impact.decisions.head)
    expect(impact.subjects).toBe(items.length)
  })

  it("names a rule that only one tree has as not in force in the other", () => {
    // Removing a rule (and its cases) changes the rule list, so the comparison goes by rule id.
    const rule = "eligibility/karate-needs-intake"
    const head = PolicyTree.loadOrThrow(filesWith({ [`${rule}.json`]: undefined, [`${rule}.cases.yaml`]: undefined }))
    const impact = Impact.compare(fixture(), head, items)
    expect(new Set(impact.byRule.map((r) => `${r.rule}: ${r.to}`))).toEqual(new Set([`${rule}: not in force`]))
    expect(impact.byRule.reduce((n, r) => n + r.count, 0)).toBe(impact.changes.length)
    // Every question on a date the rule was in force changes; none other does.
    expect(impact.changes.length).toBeGreaterThan(items.length / 2)
    expect(impact.changes.every((c) => c.after === "not in force" && c.before !== "not in force")).toBe(true)
    // The other way round, the rule is not in force before.
    const back = Impact.compare(head, fixture(), items)
    expect(back.changes.map((c) => [c.before, c.after])).toEqual(impact.changes.map((c) => [c.after, c.before]))
  })

  it("shows that yoga with 6 sessions from July keeps periods going that used to end after 4", () => {
    const head = PolicyTree.loadOrThrow(
      filesWith({ [yoga]: editJson(yoga, (v) => v.values.push({ from: "2024-07-01", value: 6 })) }),
    )
    const impact = Impact.compare(fixture(), head, items)
    expect(impact.byRule.map((r) => `${r.rule}: ${r.from} → ${r.to}`)).toEqual([
      "duration/session-limit: ends → continues",
    ])
    expect(impact.changes.length).toBeGreaterThan(0)
    for (const c of impact.changes) {
      expect(c.date >= "2024-07-01").toBe(true)
      expect(c.key).toMatch(/^enrollment \S+ period \d$/u)
    }
    const yogaEnrollments = new Set(
      year.enrollments.filter((e) => e.offeringId === "mindfull-restorative-yoga").map((e) => e.id),
    )
    expect(impact.changes.every((c) => yogaEnrollments.has(c.key.split(" ")[1]!))).toBe(true)
  })

  it("writes outcomes as short, stable strings", () => {
    expect(Impact.show({ type: "escalate", params: { to: "therapist", action: "review-feedback" } })).toBe(
      "escalate(action=review-feedback,to=therapist)",
    )
    expect(Impact.show(undefined)).toBe("not applicable")
  })
})
