import { tableFromArrays, tableToIPC } from "@uwdata/flechette"
import { describe, expect, it } from "vitest"
import { loadExportFolder } from "../../src/node/index.js"
import * as Rejected from "../../src/outputs/Rejected.js"
import * as Profile from "../../src/privacy/Profile.js"
import { exportFolders } from "../exportFolders.js"
import { policy } from "../fixturePolicy.js"

const strict = Profile.strictFrom(policy, "2024-12-31")

/** A new folder named for 2024 holding the files given. */
const folder = exportFolders("hostile-repeats-")

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"] as const
const staff = (id: string) => ({ id, role: "therapist", department: "rpha" })

const repeatsOf = (section: Rejected.Section) => section.entries.filter((e) => e.kind === "rejected")

describe("hostile repeated ids", () => {
  it("rejects each repeat of a prototype key once, in JSON, keeping the first", async () => {
    const records = [...ids.map(staff), ...ids.map(staff), staff("__proto__")]
    const { dataset, section } = await loadExportFolder(folder({ "staff.json": JSON.stringify(records) }), { policy })
    expect(dataset.staff.map((s) => s.id)).toEqual([...ids])
    expect(section.files[0]).toMatchObject({ records: 11, valid: 5, rejected: 6 })
    expect(repeatsOf(section).map((e) => e.record)).toEqual([6, 7, 8, 9, 10, 11])
    expect(({} as Record<string, unknown>).role).toBeUndefined()
  })

  it("masks a repeated pseudonym wherever the repeat is listed", async () => {
    const rows = ["id,birthYear,departments,healthyLifeCentre,pathway", ...Array(3).fill(`${P},1980,rpha,false,2`)]
    const { dataset, section } = await loadExportFolder(folder({ "citizens.csv": rows.join("\r\n") }), { policy })
    expect(dataset.citizens).toHaveLength(1)
    expect(repeatsOf(section).map((e) => [e.line, e.record])).toEqual([
      [3, 2],
      [4, 3],
    ])
    const shown = [
      Rejected.toCsv(section, "nb"),
      Rejected.toMarkdown(section, "en", strict),
      Rejected.toHtml(section, "nb", strict),
    ]
    for (const text of shown) expect(text).not.toContain(P)
  })

  it("names the first record without a line where the format has none (Arrow)", async () => {
    const table = tableFromArrays({
      id: ["s-1", "s-1"],
      role: ["therapist", "therapist"],
      department: ["rpha", "rpha"],
    })
    const { section } = await loadExportFolder(folder({ "staff.arrow": tableToIPC(table, { format: "stream" })! }), {
      policy,
    })
    expect(repeatsOf(section).map((e) => [e.line, e.record, Rejected.line(e, "en")])).toEqual([
      [
        null,
        2,
        'staff.arrow, record 2, field id: The id "s-1" already belongs to record 1; this repeat is set aside and not counted by the indicators',
      ],
    ])
  })
})
