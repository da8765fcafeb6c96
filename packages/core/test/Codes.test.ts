// Each code list is written once, in Codes, and the schemas are built from it:
// a schema that accepted a code the list lacks (or refused one it has) would
// let the rules' domains and the records drift apart.
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { Codes, GoalEvaluation, Offering, OfferingProposal } from "../src/index.js"

const accepts = (schema: Schema.Top, value: unknown) =>
  Result.isSuccess(Schema.decodeUnknownResult(schema as Schema.Codec<unknown>)(value))

const proposal = {
  id: "p-1",
  title: "Svømming",
  date: "2024-03-01",
  proposedBy: "s-4",
  category: "everyday",
  requested: true,
}

describe("Codes", () => {
  it("offering statuses: the schema accepts each kind of the list and no other", () => {
    const shapes: Record<(typeof Codes.offeringStatus)[number], object> = {
      active: {},
      transferred: { effective: "2024-01-01", from: "all-departments", to: "aktivitetsteamet" },
      discontinued: { formerOperator: "rpha" },
    }
    for (const kind of Codes.offeringStatus) expect(accepts(Offering.Status, { kind, ...shapes[kind] })).toBe(true)
    expect(accepts(Offering.Status, { kind: "paused" })).toBe(false)
  })

  it("proposal outcomes: an escalation takes each, a proposal's own decision all but pending", () => {
    const escalated = (outcome: string) => ({
      ...proposal,
      escalation: { date: "2024-04-02", to: "activity-lead", outcome },
    })
    const decided = (outcome: string) => ({ ...proposal, decision: { date: "2024-03-20", outcome } })
    const schema = OfferingProposal.OfferingProposal
    expect(Codes.proposalOutcome.map((o) => accepts(schema, escalated(o)))).toEqual([true, true, true])
    expect(Codes.proposalOutcome.map((o) => accepts(schema, decided(o)))).toEqual([true, true, false])
    expect(accepts(schema, escalated("maybe"))).toBe(false)
  })

  it("goal answers: GoalEvaluation's lists are the Codes lists themselves", () => {
    expect(GoalEvaluation.goalReachedCodes).toBe(Codes.goalReached)
    expect(GoalEvaluation.decisionCodes).toBe(Codes.goalDecision)
  })
})
