// The model's code systems: every value a schema allows has a concept with a
// bokmål display and an English designation, and nothing else is in them.
import { describe, expect, it } from "vitest"
import { fitItems } from "../../src/fhir/fitScore.js"
import { Fhir } from "../../src/fhir/index.js"
import {
  Category,
  Citizen,
  CommunityTransition,
  Enrollment,
  Feedback,
  FitScore,
  GoalEvaluation,
  Offering,
  OfferingProposal,
  ResourceContribution,
  Session,
  Staff,
} from "../../src/index.js"

const lit = (schema: unknown): ReadonlyArray<string> => {
  const s = schema as {
    literals?: ReadonlyArray<unknown>
    schema?: { literals?: ReadonlyArray<unknown> }
    value?: { literals?: ReadonlyArray<unknown> }
  }
  const values = s.literals ?? s.schema?.literals ?? s.value?.literals
  if (values === undefined) throw new Error("not a literal schema")
  return values.map(String)
}
const f = (schema: unknown) => (schema as { fields: Record<string, unknown> }).fields

const expected: Record<Fhir.TermSystemId, ReadonlyArray<string>> = {
  category: Category.all,
  "offering-status": (
    Offering.Status as unknown as { members: ReadonlyArray<{ fields: { kind: { literal: string } } }> }
  ).members.map((m) => m.fields.kind.literal),
  "access-mode": lit(Offering.AccessMode),
  audience: lit(Offering.Audience),
  "offering-format": lit(f(Offering.Offering).format),
  "operator-team": lit(f(Offering.Operator).team),
  partner: lit(f(Offering.Operator).partners),
  "schedule-frequency": lit(f(Offering.Schedule).frequency),
  "ends-when": lit(Offering.EndsWhen),
  "continuation-kind": lit(f(Offering.Continuation).kind),
  "enrollment-status": lit(f(Enrollment.Enrollment).status),
  "attendance-status": lit(f(Session.Attendance).status),
  "goal-reached": lit(f(GoalEvaluation.GoalEvaluation).goalReached),
  "goal-decision": lit(f(GoalEvaluation.GoalEvaluation).decision),
  "fit-instrument": lit(f(FitScore.FitScore).instrument),
  "fit-item": [...fitItems.ORS, ...fitItems.SRS],
  "staff-role": lit(Staff.StaffRole),
  pathway: lit(Citizen.Pathway),
  "transition-kind": lit(f(CommunityTransition.CommunityTransition).kind),
  "proposal-outcome": ["approved", "declined", "pending"],
  "escalation-level": ["extended-leadership-group", "activity-lead"],
  "contribution-form": lit(f(ResourceContribution.ResourceContribution).form),
  "feedback-source": lit(f(Feedback.Feedback).source),
  "record-type": [
    "dataset",
    "municipality",
    "therapist-episode",
    "enrollment",
    "session",
    "attendance",
    "enrollment-extension",
    "community-transition",
    "offering-proposal",
    "resource-contribution",
    "feedback",
    "goal-evaluation",
    "goal-decision",
  ],
}

describe("the model's code systems", () => {
  it("hold exactly the values the schemas allow", () => {
    for (const [id, system] of Object.entries(Fhir.terms)) {
      expect({ id, codes: Object.keys(system.concepts).sort() }).toEqual({
        id,
        codes: [...expected[id as Fhir.TermSystemId]].sort(),
      })
    }
    expect(Object.keys(Fhir.terms).sort()).toEqual(Object.keys(expected).sort())
  })

  it("proposal outcomes cover the decision's and the escalation's", () => {
    const inner = (key: string) => f((f(OfferingProposal.OfferingProposal)[key] as { schema: unknown }).schema)
    const decision = inner("decision")
    const escalation = inner("escalation")
    expect(new Set([...lit(decision.outcome), ...lit(escalation.outcome)])).toEqual(
      new Set(expected["proposal-outcome"]),
    )
    expect(lit(escalation.to)).toEqual(expected["escalation-level"])
  })

  it("are published as CodeSystems with bokmål displays and English designations", () => {
    const systems = Fhir.codeSystems()
    expect(systems.map((cs) => cs.url)).toEqual(Object.keys(Fhir.terms).map(Fhir.codeSystemUrl))
    for (const cs of systems) {
      expect(cs.language).toBe("nb")
      expect(cs.count).toBe(cs.concept?.length)
      for (const c of cs.concept ?? []) {
        expect(c.display?.trim()).toBeTruthy()
        expect(c.designation).toEqual([{ language: "en", value: expect.stringMatching(/\S/u) }])
      }
    }
    const withdrawn = systems
      .find((cs) => cs.url?.endsWith("/enrollment-status"))
      ?.concept?.find((c) => c.code === "withdrawn")
    expect(withdrawn).toEqual({
      code: "withdrawn",
      display: "Avbrutt",
      designation: [{ language: "en", value: "Withdrawn" }],
    })
  })
})
