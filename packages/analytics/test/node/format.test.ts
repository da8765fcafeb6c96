import { describe, expect, it } from "vitest"
import { formatOf, formats } from "../../src/node/format.js"

describe("report formats", () => {
  it("takes the format from a file's extension, in any case, else HTML", () => {
    expect(["r.md", "r.CSV", "out/r.json", "r.html", "r.txt", "report"].map(formatOf)).toEqual([
      "md",
      "csv",
      "json",
      "html",
      "html",
      "html",
    ])
    expect(formats).toEqual(["html", "md", "csv", "json"])
  })
})
