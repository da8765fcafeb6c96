import { describe, expect, it } from "vitest"
import { TreatmentFlow } from "../../src/index.js"
import { eventLabel, stateLabel, stepLabel } from "../../src/treatmentFlow/labels.js"

describe("the treatment flow's labels", () => {
  it("name every state and event in both languages", () => {
    expect(Object.keys(stateLabel).sort()).toEqual([...TreatmentFlow.STATE_NAMES].sort())
    expect(Object.keys(eventLabel).sort()).toEqual([...TreatmentFlow.EVENT_TYPES].sort())
    const active = TreatmentFlow.STATE_NAMES.filter(
      (s) => !(TreatmentFlow.TERMINAL_STATES as ReadonlyArray<string>).includes(s),
    )
    expect(Object.keys(stepLabel).sort()).toEqual([...active].sort())
    for (const label of [...Object.values(stateLabel), ...Object.values(stepLabel), ...Object.values(eventLabel)]) {
      expect(label.nb.trim()).not.toBe("")
      expect(label.en.trim()).not.toBe("")
    }
  })

  it("are the words a refused event's message uses", () => {
    const r = TreatmentFlow.transition(TreatmentFlow.start({ date: "2024-01-08" }, { maxExtensions: 1 }), {
      type: "OpenEpisode",
      date: "2024-01-09",
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message.en).toContain(eventLabel.OpenEpisode.en)
      expect(r.error.message.nb).toContain(eventLabel.OpenEpisode.nb)
    }
  })

  it("the goal-reached answers are the goal evaluation's one list", async () => {
    const { GoalEvaluation } = await import("../../src/index.js")
    expect(TreatmentFlow.GOAL_REACHED).toBe(GoalEvaluation.goalReachedCodes)
  })
})
