// The shape of an evaluation plan handed back to the package (a draft, or one
// read from an edited CSV). The answer is looked up among the four own keys,
// so "constructor" or "__proto__" is refused rather than found on a prototype.
import { Redact } from "@aktivitetsmodell/core"
import type { Plan, Row } from "../evaluation/plan.js"
import { isRecord, reject, requireArray, requireRecord } from "./checks.js"
import type { Bilingual } from "./text.js"

const answers = ["yes", "no", "uncertain", "if-capacity"]

// A { nb, en } of texts, each read once and with identity numbers masked,
// or undefined: a plan's texts are free text, written by hand in an edited CSV.
const textsOf = (u: unknown): Bilingual | undefined => {
  if (!isRecord(u)) return undefined
  const { nb, en } = u
  return typeof nb === "string" && typeof en === "string" ? { nb: Redact.text(nb), en: Redact.text(en) } : undefined
}

/**
 * A plan: a period and rows of id, measure, assessment, continue and who.
 * What is given back is a new plan of the fields, each read once, with every
 * text's identity numbers masked: use it, not the caller's object.
 */
export const requirePlan = (name: string, u: unknown): Plan => {
  const plan = requireRecord(name, "the plan", u)
  const period = requireRecord(name, "plan.period", plan.period) as unknown as Plan["period"]
  const rows = Array.from(requireArray(name, "plan.rows", plan.rows), (row, i): Row => {
    const r = requireRecord(name, `plan.rows[${i}]`, row)
    const { id, continue: answer } = r
    const measure = textsOf(r.measure)
    const assessment = textsOf(r.assessment)
    const who = textsOf(r.who)
    if (typeof id !== "string" || measure === undefined || assessment === undefined || who === undefined) {
      reject(name, {
        nb: `plan.rows[${i}] må ha id og measure, assessment og who som { nb, en }`,
        en: `plan.rows[${i}] must have an id and measure, assessment and who as { nb, en }`,
      })
    }
    if (typeof answer !== "string" || !answers.includes(answer)) {
      reject(name, {
        nb: `plan.rows[${i}].continue må være en av ${answers.join(", ")}`,
        en: `plan.rows[${i}].continue must be one of ${answers.join(", ")}`,
      })
    }
    return {
      id: Redact.text(id as string),
      measure: measure!,
      assessment: assessment!,
      continue: answer as Row["continue"],
      who: who!,
    }
  })
  return { period, rows }
}
