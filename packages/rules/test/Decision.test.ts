import { describe, expect, it } from "vitest"
import { Decision, Subject } from "../src/index.js"
import { adult, fixture } from "./helpers.js"

const pseudonym = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

describe("Decision.decide", () => {
  it("carries the outcome, rule, file, version, period, facts, parameters and an explanation tree", () => {
    const result = Decision.decide(
      fixture(),
      Subject.make({
        citizen: { id: pseudonym, birthDate: "2006-05-10", departments: ["rpha"] },
        offering: "karategruppe",
      }),
      "2024-05-09",
    )
    expect(result.subject).toBe(pseudonym)
    expect(result.summary).toEqual({ eligibility: { type: "not-eligible" }, escalations: [] })
    const adults = result.decisions.find((d) => d.rule === "eligibility/adults-only")
    expect(adults).toEqual({
      rule: "eligibility/adults-only",
      kind: "eligibility",
      file: "eligibility/adults-only.json",
      version: 1,
      effective: { from: "2023-03-09" },
      date: "2024-05-09",
      outcome: { type: "not-eligible" },
      branch: "otherwise",
      title: { nb: "Bare voksne", en: "Adults only" },
      source: {
        document: "Psykisk helsearbeid for voksne",
        section: "Psykisk helsearbeid for voksne",
        lines: "29",
        quote: "Mestringsenheten har ansvar å vurdere, tildele og gi psykiske helsetjenester til voksne over 18 år.",
      },
      facts: { offering: "karategruppe", age: 17 },
      parameters: [
        { name: "citizen.minimum-age", value: 18, from: "2023-03-09", file: "parameters/citizen/minimum-age.yaml" },
      ],
      explanation: {
        appliesWhen: {
          kind: "all",
          result: true,
          children: [
            {
              kind: "comparison",
              result: true,
              left: { kind: "fact", fact: "offering", value: "karategruppe" },
              operator: "notEqual",
              right: { kind: "literal", value: null },
            },
          ],
        },
        conditions: {
          kind: "all",
          result: false,
          children: [
            {
              kind: "comparison",
              result: false,
              left: { kind: "fact", fact: "age", value: 17 },
              operator: "greaterThanInclusive",
              right: { kind: "parameter", name: "citizen.minimum-age", value: 18, from: "2023-03-09" },
            },
          ],
        },
      },
    })
  })

  it("keeps the whole tree of an any with the values on both sides", () => {
    const result = Decision.decide(
      fixture(),
      Subject.make({
        citizen: { birthYear: 1975, departments: [], healthyLifeCentre: true },
        offering: "helarsbading",
      }),
      "2023-10-05",
    )
    const everyday = result.decisions.find((d) => d.rule === "eligibility/everyday-open-to-healthy-life-centre")
    expect(everyday?.explanation.conditions).toEqual({
      kind: "any",
      result: true,
      children: [
        {
          kind: "comparison",
          result: false,
          left: { kind: "fact", fact: "getsHelpFromUnit", value: false },
          operator: "equal",
          right: { kind: "literal", value: true },
        },
        {
          kind: "comparison",
          result: true,
          left: { kind: "fact", fact: "healthyLifeCentre", value: true },
          operator: "equal",
          right: { kind: "literal", value: true },
        },
      ],
    })
  })

  it("lists the rules in force that did not apply", () => {
    const result = Decision.decide(
      fixture(),
      Subject.make({ proposal: { requested: true, decision: "declined", category: "everyday" } }),
      "2024-01-10",
    )
    expect(result.decisions.map((d) => d.rule)).toEqual([
      "escalation/declined-offering-to-extended-leadership-group",
      "escalation/department-group-outside-own-groups",
    ])
    expect(result.notApplicable.length).toBe(fixture().rules.length - 2)
    expect(result.summary).toEqual({
      escalations: [{ type: "escalate", params: { to: "extended-leadership-group", action: "decide-on-offering" } }],
    })
  })

  it("combines decisions: not eligible outweighs eligible, and grant as another service outweighs eligible", () => {
    const grant = Decision.decide(
      fixture(),
      Subject.make({ citizen: adult, offering: "aktivitetskontakt", newApplication: true }),
      "2024-01-10",
    )
    expect(grant.summary.eligibility).toEqual({ type: "granted-as", params: { offering: "recoveryhjelpa" } })
    const child = Decision.decide(
      fixture(),
      Subject.make({
        citizen: { birthYear: 2010, departments: ["rpha"] },
        offering: "aktivitetskontakt",
        newApplication: true,
      }),
      "2024-01-10",
    )
    expect(child.summary.eligibility).toEqual({ type: "not-eligible" })
  })

  it("derives the period's week, the cohort's last day and the transition's end from the parameters", () => {
    const walk = Decision.decide(
      fixture(),
      Subject.make({ citizen: adult, offering: "turgruppe", enrollment: { start: "2024-02-05" } }),
      "2024-02-29",
    )
    expect(walk.decisions.find((d) => d.rule === "duration/walking-group-monthly-cohort")?.facts).toEqual({
      enrolled: true,
      offering: "turgruppe",
      date: "2024-02-29",
      cohortEnd: "2024-02-29",
    })
    const mudo = Decision.decide(
      fixture(),
      Subject.make({ citizen: adult, offering: "individuell-trening-mudo", enrollment: { start: "2024-01-01" } }),
      "2024-01-29",
    )
    expect(mudo.decisions.find((d) => d.rule === "duration/week-limit")?.facts).toEqual({
      enrolled: true,
      weekLimit: 4,
      periodWeek: 5,
    })
    expect(mudo.summary.duration).toEqual({ type: "ends" })
  })

  it("rejects a date that is not YYYY-MM-DD", () => {
    expect(() => Decision.decide(fixture(), Subject.make({}), "2024-02-30")).toThrow(
      "Expected a date as YYYY-MM-DD / Forventet en dato på formen ÅÅÅÅ-MM-DD",
    )
  })

  it("makes no decisions before the model's start", () => {
    expect(
      Decision.decide(fixture(), Subject.make({ citizen: adult, offering: "karategruppe" }), "2023-01-01").decisions,
    ).toEqual([])
  })
})

describe("Decision.decide where the subject leaves a fact open", () => {
  const teen = (citizen: Record<string, unknown>) =>
    Subject.make({ citizen: { departments: ["rpha"], ...citizen }, offering: "sandneshallen" } as Subject.Input)

  it("says unknown, naming the birth date, when only the birth year is given and the citizen may or may not be 18", () => {
    const result = Decision.decide(fixture(), teen({ birthYear: 2006 }), "2024-03-01")
    expect(result.summary.eligibility).toEqual({ type: "unknown", params: { missing: "citizen.birthDate" } })
    const adults = result.decisions.find((d) => d.rule === "eligibility/adults-only")!
    expect(adults).toMatchObject({
      branch: "unknown",
      outcome: { type: "unknown", params: { missing: "citizen.birthDate" } },
      unknown: { missing: ["citizen.birthDate"], possible: [{ type: "eligible" }, { type: "not-eligible" }] },
    })
    expect(adults.explanation.conditions).toMatchObject({
      unknown: true,
      children: [{ unknown: true, left: { fact: "age", values: [18, 17] } }],
    })
    // A birth date, or a birth year far from 18, decides it.
    expect(
      Decision.decide(fixture(), teen({ birthYear: 2006, birthDate: "2006-02-28" }), "2024-03-01").summary.eligibility,
    ).toEqual({ type: "eligible" })
    expect(
      Decision.decide(fixture(), teen({ birthYear: 2006, birthDate: "2006-03-02" }), "2024-03-01").summary.eligibility,
    ).toEqual({ type: "not-eligible" })
    expect(
      Decision.decide(fixture(), teen({ birthYear: 1990 }), "2024-03-01").decisions.every(
        (d) => d.branch !== "unknown",
      ),
    ).toBe(true)
  })

  it("says unknown, naming the joint meeting, only when a treatment's answer depends on it", () => {
    const yoga = (extra: Record<string, unknown>) =>
      Decision.decide(
        fixture(),
        Subject.make({ citizen: adult, offering: "mindfull-restorative-yoga", ...extra } as Subject.Input),
        "2024-03-01",
      ).summary.eligibility
    expect(yoga({ referral: true })).toEqual({ type: "unknown", params: { missing: "jointMeetingHeld" } })
    expect(yoga({ referral: true, jointMeetingHeld: true })).toEqual({ type: "eligible" })
    expect(yoga({ referral: true, jointMeetingHeld: false })).toEqual({ type: "not-eligible" })
    // Without a referral the answer is no whatever the meeting: it does not matter.
    expect(yoga({})).toEqual({ type: "not-eligible" })
  })

  it("names every open input the combined answer depends on", () => {
    const r = Decision.decide(
      fixture(),
      Subject.make({ citizen: { birthYear: 2006, departments: ["rpha"] }, offering: "kreativ-gruppe", referral: true }),
      "2024-03-01",
    )
    expect(r.summary.eligibility).toEqual({
      type: "unknown",
      params: { missing: "citizen.birthDate,jointMeetingHeld" },
    })
    expect(Decision.summarise(r.decisions).eligibility).toEqual(r.summary.eligibility)
  })
})
