import { Invariants, Offering, Policy } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { Decision, InForce, PolicyTree, Subject } from "../src/index.js"
import { adult, editJson, filesWith, fixture } from "./helpers.js"

const yogaFile = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const treeWithYoga = (values: Array<{ from: string; value: number }>) =>
  PolicyTree.loadOrThrow(filesWith({ [yogaFile]: editJson(yogaFile, (v) => (v.values = values)) }))

const yogaAfterFourSessions = {
  citizen: adult,
  offering: "mindfull-restorative-yoga",
  enrollment: { start: "2024-01-08", sessionsUsed: 4 },
} as const

describe("InForce", () => {
  it("gives core the whole dated policy, each parameter with its dating rule", () => {
    const policy = InForce.policy(fixture())
    expect(Policy.requireNumber(policy, "citizen.minimum-age", { question: "2024-06-01" })).toBe(18)
    expect(Policy.requireDate(policy, "model.start", { question: "2024-06-01" })).toBe("2023-03-09")
    expect(policy.parameters.get("offerings.mindfull-restorative-yoga.sessions")?.datedBy).toBe("enrollment-start")
    expect(policy.parameters.get("citizen.minimum-age")?.datedBy).toBe("question-date")
    expect(
      Policy.limits(policy, { id: "individuell-trening-mudo", category: "treatment" }, { question: "2024-06-01" }),
    ).toEqual({ weeks: 4, sessionsPerWeek: 2, extensions: 1 })
    expect(InForce.policy(fixture())).toBe(InForce.policy(fixture()))
  })

  it("says which parameter has no value before the model's start", () => {
    expect(() => Policy.requireDate(InForce.policy(fixture()), "model.start", { question: "2023-01-01" })).toThrow(
      'The policy has no value for the parameter "model.start" on 2023-01-01 / Regelverket har ingen verdi for parameteren «model.start» 2023-01-01',
    )
  })

  it("gives discontinued offerings the transition the parameters give, and follows an edit of it", () => {
    const pilates = InForce.on(fixture(), "2024-01-01").offerings.get("pilates")!
    expect(pilates.status).toEqual({ kind: "discontinued", formerOperator: "rpha" })
    expect(Offering.transitionEnd(pilates, InForce.policy(fixture()), "2024-01-01")).toBe("2023-05-08")
    const duration = "parameters/transition/duration.json"
    const three = PolicyTree.loadOrThrow(
      filesWith({ [duration]: editJson(duration, (v) => (v.values = [{ from: "2023-03-09", value: "P3M" }])) }),
    )
    expect(Offering.transitionEnd(pilates, InForce.policy(three), "2024-01-01")).toBe("2023-06-08")
  })

  it("makes core's invariants follow a changed parameter file", () => {
    const year = generate({ policy: InForce.policy(fixture()), seed: 2, year: 2024, citizens: 150 })
    const check = (tree: PolicyTree.Tree) =>
      Invariants.check(year, { policy: InForce.policy(tree) })
        .filter((v) => v.code === "session-limit-exceeded")
        .map((v) => v.message.en)
    expect(check(fixture())).toEqual([])
    const three = check(treeWithYoga([{ from: "2023-03-09", value: 3 }]))
    expect(three.length).toBeGreaterThan(0)
    expect(three[0]).toMatch(
      /^Mindful restorative yoga has 3 sessions per period; this enrollment has \d+ over \d+ period\(s\)$/u,
    )
  })

  it("holds each enrollment to the limits in force on its first day when a limit changes mid-year", () => {
    const tree = treeWithYoga([
      { from: "2023-03-09", value: 4 },
      { from: "2024-07-01", value: 6 },
    ])
    const policy = InForce.policy(tree)
    const yogaOffering = { id: "mindfull-restorative-yoga", category: "treatment" }
    expect(
      Policy.limits(policy, yogaOffering, { question: "2024-08-01", enrollmentStart: "2024-06-30" }).sessions,
    ).toBe(4)
    expect(
      Policy.limits(policy, yogaOffering, { question: "2024-08-01", enrollmentStart: "2024-07-01" }).sessions,
    ).toBe(6)
    const year = generate({ policy: InForce.policy(fixture()), seed: 2, year: 2024, citizens: 150 })
    // Five sessions for every yoga enrollment: too many before July, allowed after.
    const yoga = year.enrollments.filter(
      (e) => e.offeringId === "mindfull-restorative-yoga" && !year.extensions.some((x) => x.enrollmentId === e.id),
    )
    const extra = yoga.flatMap((e) => {
      const booked = year.attendance.filter((a) => a.enrollmentId === e.id)
      const first = booked[0]
      return first === undefined
        ? []
        : Array.from({ length: Math.max(0, 5 - booked.length) }, (_, k) => ({
            ...first,
            id: `a-extra-${e.id}-${k}`,
            date: e.start,
          }))
    })
    const flagged = Invariants.check({ ...year, attendance: [...year.attendance, ...extra] }, { policy })
      .filter((v) => v.code === "session-limit-exceeded")
      .map((v) => year.enrollments.find((e) => e.id === v.recordId)!.start < "2024-07-01")
    expect(flagged.length).toBeGreaterThan(0)
    expect(flagged.every((beforeJuly) => beforeJuly)).toBe(true)
    expect(yoga.some((e) => e.start >= "2024-07-01")).toBe(true)
  })

  it("keeps an enrollment's limits from its first day when a dated value is added, and gives new enrollments the new value", () => {
    const tree = treeWithYoga([
      { from: "2023-03-09", value: 4 },
      { from: "2025-01-01", value: 6 },
    ])
    const rule = (subject: Subject.Input, date: string) =>
      Decision.decide(tree, Subject.make(subject), date).decisions.find((d) => d.rule === "duration/session-limit")
    const before = rule(yogaAfterFourSessions, "2024-12-31")
    const sameEnrollmentLater = rule(yogaAfterFourSessions, "2025-01-06")
    const newEnrollment = rule(
      { ...yogaAfterFourSessions, enrollment: { start: "2025-01-06", sessionsUsed: 4 } },
      "2025-02-03",
    )
    expect(before?.outcome).toEqual({ type: "ends" })
    expect(before?.parameters).toEqual([
      { name: "offerings.mindfull-restorative-yoga.sessions", value: 4, from: "2023-03-09", file: yogaFile },
    ])
    expect(sameEnrollmentLater?.outcome).toEqual({ type: "ends" })
    expect(sameEnrollmentLater?.parameters).toEqual([
      { name: "offerings.mindfull-restorative-yoga.sessions", value: 4, from: "2023-03-09", file: yogaFile },
    ])
    expect(newEnrollment?.outcome).toEqual({ type: "continues" })
    expect(newEnrollment?.parameters).toEqual([
      { name: "offerings.mindfull-restorative-yoga.sessions", value: 6, from: "2025-01-01", file: yogaFile },
    ])
  })

  it("lists the days the policy changes", () => {
    expect(InForce.changes(fixture())).toEqual(["2023-03-09"])
    expect(
      InForce.changes(
        treeWithYoga([
          { from: "2023-03-09", value: 4 },
          { from: "2025-01-01", value: 6 },
        ]),
      ),
    ).toEqual(["2023-03-09", "2025-01-01"])
  })

  it("has no rules in force before the model's start", () => {
    expect(InForce.on(fixture(), "2023-03-08").rules).toEqual([])
    expect(InForce.on(fixture(), "2023-03-09").rules.length).toBe(fixture().rules.length)
  })
})
