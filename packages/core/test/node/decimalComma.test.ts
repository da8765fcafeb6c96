// Norwegian Excel's CSV: ";" between fields and a decimal comma in numbers.
// A comma is read as the decimal sign only there, and only in a field the
// schema holds a number in; in a file with another separator the row is
// rejected with a message that says a decimal comma was found and how to mend it.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readCsv } from "../../src/node/index.js"

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const header = "id;citizenId;date;instrument;items;total"

describe("a decimal comma", () => {
  it("is read as the decimal sign in a file separated by ';', in numbers and lists of numbers", () => {
    const r = readCsv("fitScores", `${header}\no-1;${P};2024-02-05;ORS;5|4,5|6|5,2;20,7\n`)
    expect(r.rejected).toEqual([])
    expect(r.valid).toEqual([
      { id: "o-1", citizenId: P, date: "2024-02-05", instrument: "ORS", items: [5, 4.5, 6, 5.2], total: 20.7 },
    ])
  })

  it("is read in contributions' share as in any numeric field", () => {
    const c = readCsv("contributions", "id;department;from;sharePercent;form\nc-1;rpha;2024-01-01;20,0;lent-position\n")
    expect(c.valid.map((x) => x.sharePercent)).toEqual([20])
  })

  it("is left alone in a text field, where a comma is text", () => {
    const r = readCsv(
      "jointMeetings",
      `id;referralId;citizenId;therapistId;teamMemberId;date;goal.text\nm-1;r-1;${P};s-2;s-9;2024-01-15;1,5\n`,
    )
    expect(r.valid.map((m) => m.goal.text)).toEqual(["1,5"])
  })

  it("is named, with the fix, in a file separated by commas or tabs", () => {
    for (const [sep, cell] of [
      [",", '"20,5"'],
      ["\t", "20,5"],
    ] as const) {
      const text = [header.replaceAll(";", sep), [`o-1`, P, "2024-02-05", "ORS", "5|4.5|6|5", cell].join(sep)].join(
        "\n",
      )
      const r = readCsv("fitScores", text)
      expect(r.rejected).toHaveLength(1)
      const [p] = r.rejected[0]!.problems
      expect(p?.field).toBe("total")
      expect(p?.message.en).toContain("decimal comma")
      expect(p?.message.en).toContain('write the number with a point (4.5), or save the file with ";"')
      expect(p?.message.nb).toContain("desimalkomma")
      // The message names the column, never the cell.
      expect(p?.message.en).not.toContain("20,5")
    }
  })

  it("reads as the same number with a point or a comma (property)", () => {
    const tenth = fc.integer({ min: 0, max: 100 }).map((n) => n / 10)
    fc.assert(
      fc.property(fc.tuple(tenth, tenth, tenth, tenth), (items) => {
        const total = Math.round(items.reduce((a, b) => a + b, 0) * 10) / 10
        const row = (write: (n: number) => string) =>
          `${header}\no-1;${P};2024-02-05;SRS;${items.map(write).join("|")};${write(total)}\n`
        const comma = readCsv(
          "fitScores",
          row((n) => String(n).replace(".", ",")),
        )
        const point = readCsv("fitScores", row(String))
        expect(comma.valid).toEqual(point.valid)
        expect(comma.rejected.length + comma.valid.length).toBe(1)
      }),
      { numRuns: 60 },
    )
  })
})
