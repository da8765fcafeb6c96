import { Problems } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import * as Problem from "../src/Problem.js"

const id = "01019012345" // a made-up number of the national identity number's shape

const p: Problem.Problem = {
  file: "eligibility/x.json",
  pointer: "/versions/0",
  line: 7,
  code: "shape",
  severity: "error",
  message: { en: "Wrong", nb: "Feil" },
}

describe("Problem", () => {
  it("is core's problem: core formats and redacts it", () => {
    const core: Problems.Problem = p
    expect(Problems.format(core, "en")).toBe("eligibility/x.json:7: Wrong (at /versions/0)")
    expect(Problem.format(p, "en")).toBe("eligibility/x.json:7: Wrong (at /versions/0)")
    expect(Problems.redacted({ ...p, pointer: `/${id}` }).pointer).not.toContain(id)
  })

  it("keeps the severity and every problem in a PolicyError", () => {
    const e = new Problem.PolicyError([p, { ...p, severity: "warning" }])
    expect(e.problems).toHaveLength(2)
    expect(Problem.hasErrors(e.problems)).toBe(true)
    expect(Problem.redacted({ ...p, file: `${id}.json` }).file).not.toContain(id)
  })
})
