// The shape of an evaluation plan handed back to the package (a draft, or one
// read from an edited CSV). The answer is looked up among the four own keys,
// so "constructor" or "__proto__" is refused rather than found on a prototype.
import type { Plan } from "../evaluation/plan.js"
import { isBilingual, reject, requireArray, requireRecord } from "./checks.js"

const answers = ["yes", "no", "uncertain", "if-capacity"]

/** A plan: a period and rows of id, measure, assessment, continue and who. */
export const requirePlan = (name: string, u: unknown): Plan => {
  const plan = requireRecord(name, "the plan", u)
  requireRecord(name, "plan.period", plan.period)
  requireArray(name, "plan.rows", plan.rows).forEach((row, i) => {
    const r = requireRecord(name, `plan.rows[${i}]`, row)
    if (typeof r.id !== "string" || !isBilingual(r.measure) || !isBilingual(r.assessment) || !isBilingual(r.who)) {
      reject(name, {
        nb: `plan.rows[${i}] må ha id og measure, assessment og who som { nb, en }`,
        en: `plan.rows[${i}] must have an id and measure, assessment and who as { nb, en }`,
      })
    }
    if (typeof r.continue !== "string" || !answers.includes(r.continue)) {
      reject(name, {
        nb: `plan.rows[${i}].continue må være en av ${answers.join(", ")}`,
        en: `plan.rows[${i}].continue must be one of ${answers.join(", ")}`,
      })
    }
  })
  return u as Plan
}
