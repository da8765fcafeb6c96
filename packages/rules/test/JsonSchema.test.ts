import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { Facts, JsonSchema, Operators, Subject } from "../src/index.js"

const committed = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../json-schema/${name}.schema.json`, import.meta.url)), "utf8")) as Record<string, any>

describe("JsonSchema", () => {
  it("matches the committed files (run npm run json-schema -w @aktivitetsmodell/rules after a change)", () => {
    for (const name of JsonSchema.names) expect(committed(name)).toEqual(JSON.parse(JSON.stringify(JsonSchema.of(name))))
  })

  it("offers every fact and operator for autocompletion", () => {
    const rule = JsonSchema.of("rule-file") as Record<string, any>
    expect(rule.$defs.Comparison.properties.fact.enum).toEqual(Facts.names)
    expect(rule.$defs.Comparison.properties.operator.enum).toEqual(Operators.names)
    expect(rule.$defs.Outcome.allOf[1].then.properties.params.properties.to.enum).toEqual(["extended-leadership-group", "activity-lead", "therapist", "activity-team"])
  })

  it("publishes the Subject shape from the same effect Schema that Subject.decode uses, closed to unknown fields", () => {
    const doc = JsonSchema.of("subject") as Record<string, any>
    expect(doc.$ref).toBe("#/$defs/Subject")
    expect(Object.keys(doc.$defs.Subject.properties).sort()).toEqual(Object.keys(Subject.Subject.fields).sort())
    expect(Object.keys(doc.$defs.SubjectEnrollment.properties).sort()).toEqual(Object.keys(Subject.SubjectEnrollment.fields).sort())
    expect(doc.$defs.Subject.additionalProperties).toBe(false)
    expect(doc.$defs.OfferingId.enum).toContain("mindfull-restorative-yoga")
  })
})
