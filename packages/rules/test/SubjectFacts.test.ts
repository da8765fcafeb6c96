import { describe, expect, it } from "vitest"
import { InForce, Subject, SubjectFacts } from "../src/index.js"
import { fixture } from "./helpers.js"

describe("SubjectFacts.of", () => {
  const now = InForce.on(fixture(), "2024-03-04")
  it("counts age from the birth date, or the age reached this year from the birth year", () => {
    expect(
      SubjectFacts.of(Subject.make({ citizen: { birthDate: "2006-03-05", departments: [] } }), "2024-03-04", now).facts
        .age,
    ).toBe(17)
    expect(
      SubjectFacts.of(Subject.make({ citizen: { birthYear: 2006, departments: [] } }), "2024-03-04", now).facts.age,
    ).toBe(18)
  })

  it("lists the facts the subject leaves open, with every value each may take", () => {
    expect(
      SubjectFacts.of(Subject.make({ citizen: { birthYear: 2006, departments: [] } }), "2024-03-04", now).open,
    ).toEqual([
      { missing: "citizen.birthDate", options: [{ age: 18 }, { age: 17 }] },
      { missing: "jointMeetingHeld", options: [{ jointMeetingHeld: false }, { jointMeetingHeld: true }] },
    ])
    expect(
      SubjectFacts.of(
        Subject.make({ citizen: { birthYear: 2006, departments: [] }, jointMeetingHeld: true }),
        "2024-12-31",
        now,
      ).open,
    ).toEqual([])
  })

  it("gives null for what the subject does not say, and 0 for an enrollment's counts", () => {
    const f = SubjectFacts.of(
      Subject.make({
        citizen: { birthYear: 1990, departments: [] },
        offering: "sandneshallen",
        enrollment: { start: "2024-01-01" },
      }),
      "2024-03-04",
      now,
    ).facts
    expect([
      f.sessionLimit,
      f.activityStarted,
      f.goalReached,
      f.ors,
      f.sessionsUsed,
      f.consecutiveNoShows,
      f.extensionLimit,
    ]).toEqual([null, null, null, null, 0, 0, null])
  })

  it("records which parameters a derived fact was computed from", () => {
    const { parameters } = SubjectFacts.of(
      Subject.make({ citizen: { birthYear: 1990, departments: [] }, offering: "chill-out" }),
      "2024-03-04",
      now,
    )
    expect(parameters.get("transitionEnd")?.map((p) => `${p.parameter.name}=${p.entry.value}`)).toEqual([
      "model.start=2023-03-09",
      "transition.duration=P2M",
    ])
  })
})
