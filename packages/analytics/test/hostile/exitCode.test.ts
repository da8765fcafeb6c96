import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { exportFolders } from "../exportFolders.js"
import { cli } from "../node/inProcess.js"

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
/** A new folder named for 2024 holding the files given. */
const folder = exportFolders("hostile-exit-")
const citizens = `id,birthYear,departments,healthyLifeCentre,pathway\n${P},1980,rpha,false,2\n`
const header = "id,source,date,offeringId,category,theme,rating,comment"
const good = `b-1,citizen,2024-03-01,,,tema,4,`
const bad = `b-2,citizen,2024-13-01,,,tema,4,`
const codeOf = async (files: Readonly<Record<string, string>>) =>
  (await cli([folder({ "citizens.csv": citizens, ...files }), "--format", "md", "--lang", "en"])).code

describe("the exit code of a folder with nearly empty files", () => {
  it.each([
    ["a byte-order mark alone", "\uFEFF", 1],
    ["blank lines alone", "\n\n\r\n", 1],
    ["a header alone", `${header}\n`, 0],
    ["a header and blank lines", `${header}\n\n,,,,,,,\n`, 0],
  ])("feedback.csv with %s", async (_, text, code) => {
    expect(await codeOf({ "feedback.csv": text })).toBe(code)
  })

  it("is 1 exactly when a row is rejected (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), async (wrong) => {
        const rows = wrong.map((w, i) => (w ? bad : good).replace(/^b-\d/u, `b-${i}`))
        expect(await codeOf({ "feedback.csv": [header, ...rows].join("\n") })).toBe(wrong.some(Boolean) ? 1 : 0)
      }),
      { numRuns: 10 },
    )
  })
})
