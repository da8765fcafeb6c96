import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { JsonSchemas } from "../src/index.js"

describe("JsonSchemas", () => {
  it("exports every entity, the catalogue and the dataset", () => {
    expect(JsonSchemas.schemaNames).toEqual([
      "Department",
      "Offering",
      "Citizen",
      "Staff",
      "Referral",
      "JointMeeting",
      "Episode",
      "Enrollment",
      "Session",
      "Attendance",
      "Extension",
      "GoalEvaluation",
      "CommunityTransition",
      "FitScore",
      "OfferingProposal",
      "ResourceContribution",
      "Feedback",
      "Catalogue",
      "Dataset",
    ])
  })

  it("a referral's schema names its fields, required keys, date pattern and closes the object", () => {
    // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema is read field by field, whatever its shape
    const s = JsonSchemas.of("Referral") as any
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(s.required).toEqual(["id", "citizenId", "therapistId", "offeringId", "date"])
    expect(s.additionalProperties).toBe(false)
    expect(s.properties.citizenId).toEqual({ type: "string", pattern: "^[0-9a-f]{32}$" })
    expect(JSON.stringify(s.$defs.IsoDate)).toContain('"format":"date"')
  })

  it("the committed json-schema/ files are what the schemas produce (run `npm run json-schema -w @aktivitetsmodell/core`)", () => {
    for (const name of JsonSchemas.schemaNames) {
      const file = JSON.parse(readFileSync(new URL(`../json-schema/${name}.schema.json`, import.meta.url), "utf8"))
      expect(file, name).toEqual(JsonSchemas.of(name))
    }
  })
})
