// The audit's small range is worked out in one place, Audit.run: auditFiles
// passes on only the policy's strict range (for files that name no profile)
// and the caller's min and max, and gets the range and findings Audit.run
// gives for the same files.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Calendar } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { publishLegacy } from "../../bench/legacy.js"
import { Audit, Export, Indicator, Indicators, Profile, Tables } from "../../src/index.js"
import { auditFiles, loadProfile } from "../../src/node/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, year } from "../helpers.js"

const dir = mkdtempSync(join(tmpdir(), "audit-range-"))

// February: 15 booked, 14 present (one never came), as in Audit.test.ts.
const tables = Tables.fromDataset(
  year({
    attendance: Array.from({ length: 15 }, (_, k) =>
      att(k + 1, "sandneshallen", "2024-02-05", k === 14 ? "absent" : "present"),
    ),
    sessions: [session("sandneshallen", "2024-02-05")],
  }),
  { policy },
)
const by = { by: ["month"], margins: true } as const
const booked = {
  ...publishLegacy(Indicator.compute(Indicators.catalogue.attendanceRate, tables, by)),
  period: tables.period,
}
const present = {
  ...publishLegacy(Indicator.compute(Indicators.catalogue.participation, tables, by)),
  period: tables.period,
}

// Files with a profile of each kind, files that name none (wide CSVs), and one that names none and holds no count.
const pool = [
  ["ssb3.json", Export.toJson({ ...booked, profile: { name: "ssb", maxN: 3 } })],
  ["ssb9.json", Export.toJson({ ...present, profile: { name: "ssb", maxN: 9 } })],
  ["strict36.json", Export.toJson({ ...booked, profile: { name: "strict", min: 3, max: 6 } })],
  ["rounding5.json", Export.toJson({ ...present, profile: { name: "rounding", base: 5 } })],
  ["wide-booked.csv", booked.table.toCSV()],
  ["wide-present.csv", present.table.toCSV()],
  ["empty.csv", Export.tidy([]).toCSV()],
].map(([name, content]) => {
  const path = join(dir, name!)
  writeFileSync(path, content!)
  return path
})

const outcome = <T>(f: () => T): { ok: T } | { error: unknown } => {
  try {
    return { ok: f() }
  } catch (error) {
    return { error }
  }
}

describe("the audit's range, worked out in Audit.run", () => {
  const strict = Profile.asRule(loadProfile("strict", Calendar.today()))

  it("keeps a profiled file's wider range beside files that name none, and says which range checks nothing", () => {
    const read = (i: number) => Audit.read(readFileSync(pool[i]!, "utf8"), pool[i]!)
    expect(Audit.run([read(1), read(4)], { unprofiled: { min: 1, max: 4 } }).range).toEqual([1, 9])
    expect(Audit.run([read(4)], { unprofiled: { min: 1, max: 4 } }).range).toEqual([1, 4])
    // A profiled file alone needs no policy range; one given is not used.
    expect(Audit.run([read(0)], { unprofiled: { min: 1, max: 7 } }).range).toEqual([1, 3])
    const e = outcome(() => Audit.run([read(4)], { unprofiled: { min: 1, max: 4 }, min: 6 }))
    expect("error" in e && e.error).toBeInstanceOf(Audit.BadRangeError)
    expect("error" in e && (e.error as Audit.BadRangeError).range).toEqual([6, 4])
    expect(() => Audit.run([read(4)], { unprofiled: { min: 3, max: 2 } })).toThrow(/unprofiled must be \{ min, max \}/u)
  })

  it("property: auditFiles gives what Audit.run gives for the same files and options, and the widest range", async () => {
    const picks = fc.uniqueArray(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 4 })
    const bound = fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })
    await fc.assert(
      fc.asyncProperty(picks, bound, bound, async (picked, min, max) => {
        const paths = picked.map((i) => pool[i]!)
        const options = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
        const sources = paths.map((p) => Audit.read(new Uint8Array(readFileSync(p)), p))
        const viaFiles = await auditFiles(paths, options).then(
          (ok) => ({ ok }),
          (error: unknown) => ({ error }),
        )
        const direct = outcome(() => Audit.run(sources, { ...options, unprofiled: strict }))
        // The widest of the profiles' ranges and, for a file that names none, the policy's; a bound given sets its end.
        const ranges = [
          ...sources.flatMap((s) => (s.profile === null ? [] : [Profile.smallRange(s.profile)])),
          ...(sources.some((s) => s.profile === null) ? [[strict.min, strict.max] as const] : []),
        ]
        const low = min ?? Math.max(1, Math.min(...ranges.map((r) => r[0])))
        const high = max ?? Math.max(...ranges.map((r) => r[1]))
        const checked = sources.some((s) => s.profile !== null || s.cells.length > 0)
        if (checked && low > high) {
          for (const r of [viaFiles, direct]) {
            expect("error" in r && r.error).toBeInstanceOf(Audit.BadRangeError)
            expect("error" in r && (r.error as Audit.BadRangeError).range).toEqual([low, high])
          }
          return
        }
        expect(viaFiles).toEqual(direct)
        expect("ok" in viaFiles && viaFiles.ok.range).toEqual([Math.max(low, 1), high])
        expect("ok" in viaFiles && viaFiles.ok.findings).toEqual(Audit.run(sources, { min: low, max: high }).findings)
      }),
      { numRuns: 60 },
    )
  })
})
