// Cells that look like a decimal comma and are not one, in a Norwegian
// Excel file (";" between fields): they are left as written and rejected by
// the schema, nothing is lost, and no identity number is echoed, whichever
// way the comma is read.
import { describe, expect, it } from "vitest"
import { readCsv } from "../../src/node/index.js"
import * as Redact from "../../src/Redact.js"

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const header = "id;citizenId;date;instrument;items;total"
const row = (total: string, items = "5|5|5|5") => `o-1;${P};2024-02-05;ORS;${items};${total}`

describe("hostile decimal commas", () => {
  it.each([
    ["two commas", "1,2,3"],
    ["no digit before", ",5"],
    ["no digit after", "5,"],
    ["a thousands point too", "1.020,5"],
    ["non-ASCII digits", "٢,٥"],
    ["a comma and a space", "20, 0"],
    ["an exponent", "2,0e1"],
    ["__proto__", "__proto__"],
  ])("rejects %s in a number, as written", (_, cell) => {
    const r = readCsv("fitScores", `${header}\n${row(cell)}\n`)
    expect([r.valid.length, r.rejected.length, r.total]).toEqual([0, 1, 1])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it("never echoes an identity number written with a decimal comma in a numeric field", () => {
    for (const id of ["010190,12345", "01019012345"]) {
      const r = readCsv("fitScores", `${header}\n${row(id)}\n${row("20", `${id}|5|5|5`)}\n`)
      expect(r.rejected).toHaveLength(2)
      const said = JSON.stringify(r.rejected.map((x) => x.problems))
      expect(Redact.containsNationalId(said)).toBe(false)
      expect(said).not.toContain("010190.12345")
      expect(said).not.toContain("12345")
    }
  })

  it("reads a decimal comma in a quoted cell of a ';' file as in a bare one", () => {
    const r = readCsv("fitScores", `${header}\n${row('"20,5"', '"5|5,5|5|5"')}\n`)
    expect(r.valid.map((v) => [v.items, v.total])).toEqual([[[5, 5.5, 5, 5], 20.5]])
  })
})
