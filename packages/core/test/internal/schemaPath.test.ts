import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Dataset } from "../../src/index.js"
import { generate } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"

// Every path to a value of a record, as a problem names it: `goal.text`, `staffIds[0]`.
const pathsOf = (v: unknown, at = ""): Array<string> => {
  if (Array.isArray(v)) return v.flatMap((x, i) => [`${at}[${i}]`, ...pathsOf(x, `${at}[${i}]`)])
  if (typeof v === "object" && v !== null)
    return Object.entries(v).flatMap(([k, x]) => {
      const p = at === "" ? k : `${at}.${k}`
      return [p, ...pathsOf(x, p)]
    })
  return []
}

describe("Dataset.isField", () => {
  const year = generate({ policy, seed: 2, year: 2024, citizens: 40 })
  const known = Dataset.entityNames.flatMap((entity) =>
    year[entity].slice(0, 3).flatMap((record) => pathsOf(record).map((field) => [entity, field] as const)),
  )

  it("names every place a record has, and nothing under a field the entity lacks", () => {
    expect(known.length).toBeGreaterThan(100)
    for (const [entity, field] of known) expect(Dataset.isField(entity, field), `${entity} ${field}`).toBe(true)
    expect(Dataset.isField("jointMeetings", "goal.text")).toBe(true)
    for (const field of [
      "goal.Kari Nordmann har angst",
      "goal.text.x",
      "goal[0]",
      "staffIds.x",
      "",
      "__proto__",
      "id.length",
    ])
      expect(Dataset.isField("jointMeetings", field), field).toBe(false)
    expect(Dataset.isField("nope" as Dataset.EntityName, "id")).toBe(false)
    expect(Dataset.isField("constructor" as Dataset.EntityName, "id")).toBe(false)
  })

  it("a known path with any text after it is not a field (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...known),
        fc.string({ minLength: 1, maxLength: 20 }).filter((t) => !/^[\d.[\]]*$/u.test(t)),
        fc.constantFrom(".", "[", ""),
        ([entity, field], text, join) => {
          const longer = `${field}${join}${text}`
          // Unless the text is itself a path the record has.
          fc.pre(!known.some(([e, f]) => e === entity && f === longer))
          expect(Dataset.isField(entity, longer)).toBe(false)
        },
      ),
    )
  })
})
