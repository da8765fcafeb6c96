// aktivitet-report audit's own usage error: a --min or --max that leaves a
// range that checks nothing exits with 2, names the option in both
// languages and shows the help, as every usage error does; a file the audit
// cannot use stays a file error.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Calendar, Redact } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { publishLegacy } from "../../bench/legacy.js"
import { Audit, Export, Indicator, Indicators, Profile, Tables } from "../../src/index.js"
import { parseAuditArgs, UsageError, usage } from "../../src/node/cliArgs.js"
import { runAudit } from "../../src/node/commands.js"
import { loadProfile } from "../../src/node/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, year } from "../helpers.js"
import { cli } from "./inProcess.js"

const dir = mkdtempSync(join(tmpdir(), "audit-usage-"))
const write = (name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const tables = Tables.fromDataset(
  year({ attendance: [att(1, "sandneshallen", "2024-02-05")], sessions: [session("sandneshallen", "2024-02-05")] }),
  { policy },
)
const present = {
  ...publishLegacy(Indicator.compute(Indicators.catalogue.participation, tables, { by: ["month"], margins: true })),
  period: tables.period,
}
// A file that names no profile, with an identity number in its name: no message may show it.
const wide = write("01019012345-wide.csv", present.table.toCSV())
const strict36 = write("strict36.json", Export.toJson({ ...present, profile: { name: "strict", min: 3, max: 6 } }))

describe("aktivitet-report audit with a range that checks nothing", () => {
  const shipped = Profile.asRule(loadProfile("strict", Calendar.today()))

  it("exits with 2 on a --min above the policy's range, naming --min in both languages, then the help", async () => {
    const min = shipped.max + 2
    const r = await cli(["audit", wide, "--min", String(min), "--lang", "en"])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.split("\n")[0]).toBe(
      `--min (${min}) is above ${shipped.max}, the highest count of the range the files' disclosure profiles and the policy give: the audit would check no count. Give a lower --min, or a --max of at least ${min} / ` +
        `--min (${min}) er over ${shipped.max}, det høyeste tallet i området filenes skjermingsprofiler og regelverket gir: revisjonen ville ikke sjekke noe tall. Gi en lavere --min, eller en --max på minst ${min}`,
    )
    expect(r.stderr.endsWith(usage)).toBe(true)
    expect(Redact.containsNationalId(r.stderr)).toBe(false)
  })

  it("exits with 2 on a --max below a profile's low end, naming --max in both languages", async () => {
    // Beside a file that names no profile, the policy's range would start at 1: this file alone starts at 3.
    const r = await cli(["audit", strict36, "--max", "2"])
    expect(r.code).toBe(2)
    const first = r.stderr.split("\n")[0]!
    expect(first).toMatch(
      /^--max \(2\) is below 3, .*Give a higher --max, or a --min of at most 2 \/ --max \(2\) er under 3, /u,
    )
    expect(first).toContain("Gi en høyere --max, eller en --min på høyst 2")
    expect(Redact.containsNationalId(r.stderr)).toBe(false)
  })

  it("runAudit answers it with 2 itself, and a file it cannot use stays a file error without the help", async () => {
    const err: Array<string> = []
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t) }
    expect(await runAudit(parseAuditArgs([wide, "--min", "999"]), io)).toBe(2)
    expect(err[0]).toMatch(/^--min \(999\) is above /u)
    err.length = 0
    const notes = write("notes.txt", "hello\n")
    expect(await runAudit(parseAuditArgs([notes, "--min", "999"]), io)).toBe(2)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/notes\.txt: no metadata the audit recognises/u)
  })

  it("names both options when neither or both gave the range", async () => {
    // Loaded here, so that the command line's tests above run on their own.
    const { rangeUsage } = await import("../../src/node/auditUsage.js")
    const e = rangeUsage(new Audit.BadRangeError(5, 2), { min: undefined, max: undefined })
    expect(e).toBeInstanceOf(UsageError)
    expect(e.text).toEqual({
      nb: "Området 5–2 ville ikke sjekke noe tall: gi --min og --max",
      en: "The range 5–2 would check no count: give --min and --max",
    })
  })
})
