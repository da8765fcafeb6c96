import { Catalogue } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { PolicyTree, Problem, Validate } from "../src/index.js"
import { editJson, filesWith } from "./helpers.js"

const problemsAfter = (changes: Record<string, string | undefined>, lang: "en" | "nb" = "en") =>
  PolicyTree.load(filesWith(changes)).problems.map((p) => Problem.format(p, lang))

const karate = "eligibility/karate-needs-intake.json"
const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions.json"

const withSecondVersion = (effective: object, firstTo?: string) =>
  editJson(karate, (v) => {
    if (firstTo !== undefined) v.versions[0].effective.to = firstTo
    v.versions.push({ ...structuredClone(v.versions[0]), effective })
  })

describe("Validate: names", () => {
  it("rejects an unknown operator, offering and outcome with a did-you-mean", () => {
    const text = editJson(karate, (v) => {
      v.versions[0].appliesWhen.all[0].value = "karategrupe"
      v.versions[0].conditions.all[0].operator = "equals"
      v.versions[0].otherwise.type = "not-elligible"
    })
    expect(problemsAfter({ [karate]: text })).toEqual([
      'eligibility/karate-needs-intake.json:27: Unknown offering "karategrupe"; did you mean "karategruppe"? (at /versions/0/appliesWhen/all/0/value)',
      'eligibility/karate-needs-intake.json:35: Unknown operator "equals"; did you mean "equal"? (at /versions/0/conditions/all/0/operator)',
      'eligibility/karate-needs-intake.json:44: Unknown outcome "not-elligible" for an eligibility rule; did you mean "not-eligible"? (at /versions/0/otherwise/type)',
    ])
  })

  it("says so in bokmål too", () => {
    const text = editJson(karate, (v) => {
      v.versions[0].conditions.all[0].fact = "intake"
    })
    expect(problemsAfter({ [karate]: text }, "nb")).toEqual([
      "eligibility/karate-needs-intake.json:34: Ukjent faktum «intake» (i /versions/0/conditions/all/0/fact)",
    ])
  })

  it("rejects a comparison that does not fit the fact's type", () => {
    const text = editJson(karate, (v) => {
      v.versions[0].conditions.all.push(
        { fact: "age", operator: "lessThan", value: "18" },
        { fact: "citizenDepartments", operator: "in", value: ["rpha"] },
      )
    })
    expect(problemsAfter({ [karate]: text })).toEqual([
      'eligibility/karate-needs-intake.json:41: "lessThan" cannot compare a number with a text (at /versions/0/conditions/all/1/value)',
      'eligibility/karate-needs-intake.json:46: "in" cannot compare a list fact with a list (at /versions/0/conditions/all/2/value)',
    ])
  })
})

describe("Validate: effective periods", () => {
  it("rejects versions that overlap", () => {
    expect(problemsAfter({ [karate]: withSecondVersion({ from: "2024-01-01" }) })).toEqual([
      "eligibility/karate-needs-intake.json:49: Version 2 starts 2024-01-01, while version 1 (2023-03-09 – …) is still in force; end version 1 on 2023-12-31 (at /versions/1/effective/from)",
    ])
  })

  it("rejects versions that leave a gap", () => {
    expect(problemsAfter({ [karate]: withSecondVersion({ from: "2024-02-01" }, "2023-12-31") })).toEqual([
      "eligibility/karate-needs-intake.json:50: No version is in force from 2024-01-01 to 2024-01-31; version 1 ends 2023-12-31 and version 2 starts 2024-02-01: end version 1 on 2024-01-31, or start version 2 on 2024-01-01 (at /versions/1/effective/from)",
    ])
  })

  it("accepts versions that follow each other day by day", () => {
    expect(problemsAfter({ [karate]: withSecondVersion({ from: "2024-01-01" }, "2023-12-31") })).toEqual([])
  })

  it("rejects versions out of date order and a period that ends before it starts", () => {
    const text = editJson(karate, (v) => {
      v.versions[0].effective.to = "2023-01-01"
    })
    expect(problemsAfter({ [karate]: text })).toEqual([
      "eligibility/karate-needs-intake.json:21: The period ends (2023-01-01) before it starts (2023-03-09) (at /versions/0/effective/to)",
    ])
  })
})

describe("Validate: parameters", () => {
  it("rejects a rule in force before its parameter has a value", () => {
    const text = editJson("parameters/fit/ors-cutoff.json", (v) => {
      v.values[0].from = "2024-01-01"
    })
    expect(problemsAfter({ "parameters/fit/ors-cutoff.json": text })).toEqual([
      "escalation/fit-ors-below-cutoff.json:39: The parameter fit.ors-cutoff has no value on 2023-03-09, when version 1 comes into force; its first value is from 2024-01-01: give parameters/fit/ors-cutoff.json a value from 2023-03-09 (at /versions/0/conditions/all/0/value/params/name)",
      "parameters/fit/ors-cutoff.json:29: The parameter fit.ors-cutoff has no value on 2023-03-09, when the first rules come into force; the analytics package's FIT indicators read it (at /values/0/from)",
    ])
  })

  it("rejects a missing parameter that core or analytics needs", () => {
    expect(problemsAfter({ "parameters/fit/ors-reliable-change.json": undefined })).toEqual([
      "parameters/fit/ors-reliable-change.yaml:1: The parameter fit.ors-reliable-change is missing: the analytics package's FIT indicators read it; add this file",
    ])
  })

  it("lets an offering go without a limit of its own: no file means no such limit", () => {
    expect(problemsAfter({ [yoga]: undefined })).toEqual([])
  })

  it("requires each parameter to say which date selects its value, with did-you-mean", () => {
    const missing = editJson(yoga, (v) => {
      delete v.datedBy
    })
    expect(problemsAfter({ [yoga]: missing })).toEqual([
      'parameters/offerings/mindfull-restorative-yoga/sessions.json:1: Missing "datedBy": say which date selects the value, "enrollment-start" (the enrollment\'s first day), "session-date" or "question-date"',
    ])
    expect(problemsAfter({ [yoga]: missing }, "nb")[0]).toContain(
      "Mangler «datedBy»: si hvilken dato som velger verdien",
    )
    const typo = editJson(yoga, (v) => {
      v.datedBy = "enrolment-start"
    })
    expect(problemsAfter({ [yoga]: typo })).toEqual([
      'parameters/offerings/mindfull-restorative-yoga/sessions.json:12: Expected "enrollment-start" (the enrollment\'s first day), "session-date" or "question-date", got "enrolment-start"; did you mean "enrollment-start"? (at /datedBy)',
    ])
  })

  it("keeps a rule from reading a parameter dated by the enrollment's first day directly", () => {
    const rule = "escalation/fit-ors-below-cutoff.json"
    const text = editJson(rule, (v) => {
      v.versions[0].conditions.all[0].value.params.name = "offerings.mindfull-restorative-yoga.sessions"
    })
    const problems = problemsAfter({ [rule]: text })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(
      "is dated by the enrollment's first day, so a rule cannot read it directly; use the fact computed from it (sessionLimit",
    )
  })

  it("rejects a parameter for an offering that does not exist", () => {
    const text = editJson(yoga, () => {})
    expect(problemsAfter({ "parameters/offerings/mindfull-yoga/sessions.json": text })).toEqual([
      'parameters/offerings/mindfull-yoga/sessions.json:1: Unknown offering "mindfull-yoga" in the parameter\'s path (at /)'.replace(
        " (at /)",
        "",
      ),
    ])
  })

  it("rejects dated values out of order and values of the wrong type", () => {
    const text = editJson(yoga, (v) => {
      v.values.push({ from: "2023-01-01", value: "six" })
    })
    expect(problemsAfter({ [yoga]: text })).toEqual([
      "parameters/offerings/mindfull-restorative-yoga/sessions.json:30: Expected a number, as the parameter's type says (at /values/1/value)",
      "parameters/offerings/mindfull-restorative-yoga/sessions.json:29: Dated values must be in date order, each after the one before; 2023-01-01 is not after 2023-03-09 (at /values/1/from)",
    ])
  })

  it("refuses a transition length core would not read as whole months", () => {
    const transition = "parameters/transition/duration.json"
    for (const value of ["P2M0D", "P8W", "P60D"]) {
      const text = editJson(transition, (v) => {
        v.values[0].value = value
      })
      expect(problemsAfter({ [transition]: text }).filter((p) => p.includes("whole months"))).toHaveLength(1)
    }
  })

  it("lists what the catalogue needs", () => {
    expect(Validate.requiredParameters(Catalogue.sandnes()).map((r) => r.name)).toEqual([
      "model.start",
      "citizen.minimum-age",
      "departments.contribution-percent",
      "offerings.price-nok",
      "fit.ors-cutoff",
      "fit.srs-alert-below",
      "fit.ors-reliable-change",
      "privacy.strict-min",
      "privacy.strict-max",
      "privacy.ssb-max-n",
      "privacy.rounding-base",
      "treatment.max-extensions",
      "offerings.turgruppe.cohort-length",
      "transition.duration",
    ])
  })
})
