import { Catalogue, Invariants } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { Decision, InForce, MissingParameterError, PolicyTree, Subject } from "../src/index.js"
import { adult, editJson, filesWith, fixture } from "./helpers.js"

const yogaFile = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const treeWithYoga = (values: Array<{ from: string; value: number }>) =>
  PolicyTree.loadOrThrow(filesWith({ [yogaFile]: editJson(yogaFile, (v) => (v.values = values)) }))

const yogaAfterFourSessions = {
  citizen: adult,
  offering: "mindfull-restorative-yoga",
  enrollment: { start: "2024-01-08", sessionsUsed: 4 }
} as const

describe("InForce", () => {
  it("gives core's policy from the parameters in force", () => {
    const { limitsOn, ...values } = InForce.policyOn(fixture(), "2024-06-01")
    expect(values).toEqual({ modelStart: "2023-03-09", minimumAge: 18, departmentContributionPercent: 20, priceNok: 0 })
    expect(limitsOn?.("individuell-trening-mudo", "2024-06-01")).toEqual({ weeks: 4, sessionsPerWeek: 2, extensions: 1 })
  })

  it("says which parameter is missing before the model's start", () => {
    expect(() => InForce.policyOn(fixture(), "2023-01-01")).toThrow(new MissingParameterError("model.start", "2023-01-01"))
    expect(() => InForce.policyOn(fixture(), "2023-01-01")).toThrow("The parameter model.start has no value on 2023-01-01 / Parameteren model.start har ingen verdi 2023-01-01")
  })

  it("gives a catalogue whose limits come from the parameters in force", () => {
    const tree = treeWithYoga([{ from: "2023-03-09", value: 4 }, { from: "2025-01-01", value: 6 }])
    const limits = (date: string) => InForce.catalogueOn(tree, date, Catalogue.sandnes()).offerings.find((o) => o.id === "mindfull-restorative-yoga")?.limits
    expect(limits("2024-12-31")).toEqual({ sessions: 4, extensions: 1 })
    expect(limits("2025-01-01")).toEqual({ sessions: 6, extensions: 1 })
    const mudo = InForce.catalogueOn(fixture(), "2024-01-01").offerings.find((o) => o.id === "individuell-trening-mudo")
    expect(mudo?.limits).toEqual({ weeks: 4, sessionsPerWeek: 2, extensions: 1 })
    const pilates = InForce.catalogueOn(fixture(), "2024-01-01").offerings.find((o) => o.id === "pilates")
    expect(pilates?.status).toEqual({ kind: "discontinued", transitionStart: "2023-03-09", transitionMonths: 2, formerOperator: "rpha" })
  })

  it("makes core's invariants follow a changed parameter file", () => {
    const year = generate({ seed: 2, year: 2024, citizens: 150 })
    const check = (tree: PolicyTree.Tree) =>
      Invariants.check({ ...year, offerings: InForce.catalogueOn(tree, "2024-06-01", Catalogue.sandnes()).offerings }, { policy: InForce.policyOn(tree, "2024-06-01") })
        .filter((v) => v.code === "session-limit-exceeded")
        .map((v) => v.message.en)
    expect(check(fixture())).toEqual([])
    const three = check(treeWithYoga([{ from: "2023-03-09", value: 3 }]))
    expect(three.length).toBeGreaterThan(0)
    expect(three[0]).toMatch(/^Mindfull restorative yoga has 3 sessions per period; this enrollment has \d+ over \d+ period\(s\)$/u)
  })

  it("holds each enrollment to the limits in force on its first day when a limit changes mid-year", () => {
    const tree = treeWithYoga([{ from: "2023-03-09", value: 4 }, { from: "2024-07-01", value: 6 }])
    const policy = InForce.policyOn(tree, "2024-12-31")
    expect(policy.limitsOn?.("mindfull-restorative-yoga", "2024-06-30")?.sessions).toBe(4)
    expect(policy.limitsOn?.("mindfull-restorative-yoga", "2024-07-01")?.sessions).toBe(6)
    const year = generate({ seed: 2, year: 2024, citizens: 150 })
    // Five sessions for every yoga enrollment: too many before July, allowed after.
    const yoga = year.enrollments.filter((e) => e.offeringId === "mindfull-restorative-yoga" && !year.extensions.some((x) => x.enrollmentId === e.id))
    const extra = yoga.flatMap((e) => {
      const booked = year.attendance.filter((a) => a.enrollmentId === e.id)
      const first = booked[0]
      return first === undefined ? [] : Array.from({ length: Math.max(0, 5 - booked.length) }, (_, k) => ({ ...first, id: `a-extra-${e.id}-${k}`, date: e.start }))
    })
    const flagged = Invariants.check({ ...year, attendance: [...year.attendance, ...extra] }, { policy })
      .filter((v) => v.code === "session-limit-exceeded")
      .map((v) => year.enrollments.find((e) => e.id === v.recordId)!.start < "2024-07-01")
    expect(flagged.length).toBeGreaterThan(0)
    expect(flagged.every((beforeJuly) => beforeJuly)).toBe(true)
    expect(yoga.some((e) => e.start >= "2024-07-01")).toBe(true)
  })

  it("keeps past dates as they were when a dated value is added", () => {
    const tree = treeWithYoga([{ from: "2023-03-09", value: 4 }, { from: "2025-01-01", value: 6 }])
    const before = Decision.decide(tree, Subject.make(yogaAfterFourSessions), "2024-12-31").decisions.find((d) => d.rule === "duration/session-limit")
    const after = Decision.decide(tree, Subject.make(yogaAfterFourSessions), "2025-01-01").decisions.find((d) => d.rule === "duration/session-limit")
    expect(before?.outcome).toEqual({ type: "ends" })
    expect(before?.parameters).toEqual([{ name: "offerings.mindfull-restorative-yoga.sessions", value: 4, from: "2023-03-09", file: yogaFile }])
    expect(after?.outcome).toEqual({ type: "continues" })
    expect(after?.parameters).toEqual([{ name: "offerings.mindfull-restorative-yoga.sessions", value: 6, from: "2025-01-01", file: yogaFile }])
  })

  it("lists the days the policy changes", () => {
    expect(InForce.changes(fixture())).toEqual(["2023-03-09"])
    expect(InForce.changes(treeWithYoga([{ from: "2023-03-09", value: 4 }, { from: "2025-01-01", value: 6 }]))).toEqual(["2023-03-09", "2025-01-01"])
  })

  it("has no rules in force before the model's start", () => {
    expect(InForce.on(fixture(), "2023-03-08").rules).toEqual([])
    expect(InForce.on(fixture(), "2023-03-09").rules.length).toBe(fixture().rules.length)
  })
})
