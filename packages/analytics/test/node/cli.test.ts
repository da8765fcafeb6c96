// The CLI end to end, as a user runs it (through tsx, against the sources).
import { spawnSync } from "node:child_process"
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { cli as inProcess } from "./inProcess.js"

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url))
const run = (...args: Array<string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "--conditions=@aktivitetsmodell/source", cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: "Europe/Oslo" },
  })

describe("aktivitet-report", () => {
  it("writes a report of a synthetic year and prints the summary", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cli-")), "report.html")
    const r = run("--synthetic", "--seed", "4", "--citizens", "150", "--year", "2024", "--out", out)
    expect(r.status).toBe(0)
    expect(r.stdout.split("\n")[0]).toBe("Aktivitetsrapport 2024")
    expect(r.stdout).toContain(`Skrev ${out}`)
    expect(readFileSync(out, "utf8").startsWith("<!doctype html>")).toBe(true)
  })

  // Changed on purpose: a file that cannot be used is exit code 2, with one
  // line naming it (exit code 1 is for wrong records in a file that was read).
  it("exits with 2 and one line in both languages when the data file is missing", () => {
    const r = run("--data", "/nonexistent/year.json")
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^Could not read \/nonexistent\/year\.json: .* \/ Kunne ikke lese [^\n]*\n$/u)
  })

  // src/cli.ts answers a request for help itself, before it loads run(): the
  // answer must be run()'s, to the byte, and a usage error is still run()'s.
  it("answers --help as run() does, for the report and for audit", async () => {
    const { run: runInProcess } = await import("../../src/node/run.js")
    for (const args of [
      ["--synthetic", "--help"],
      ["audit", "x.csv", "--help", "--lang", "en"],
    ]) {
      const out: Array<string> = []
      const code = await runInProcess(args, {
        stdout: (t) => out.push(`${t}\n`),
        stderr: (t) => out.push(`stderr: ${t}\n`),
      })
      const r = run(...args)
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(" ")).toEqual({
        status: code,
        stdout: out.join(""),
        stderr: "",
      })
      expect(code).toBe(0)
    }
    const wrong = run("--help", "--bogus")
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain("Unknown option --bogus / Ukjent valg --bogus")
  })
})

describe("aktivitet-report FOLDER", () => {
  const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
  // The line a deliberately wrong row of the example starts on, as the file shows it.
  const lineOf = (file: string, text: string) =>
    readFileSync(join(example, file), "utf8")
      .split("\n")
      .findIndex((l) => l.includes(text)) + 1

  // Changed on purpose: the report counts the rejected rows by field; each row, with its line and message, is in rejected.csv only.
  it("reports the example export, counting its rejected rows in the report and listing them in rejected.csv", async () => {
    const { run: runInProcess } = await import("../../src/node/run.js")
    const dir = mkdtempSync(join(tmpdir(), "cli-folder-"))
    const out: Array<string> = []
    const code = await runInProcess([example, "--out", join(dir, "report.md")], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    })
    // The report is written, but without the rejected records: 1, as docs/cli.md says.
    expect(code).toBe(1)
    expect(out.join("\n")).toContain(`Skrev ${join(dir, "rejected.csv")}`)
    expect(out.at(-1)).toBe(
      "Laget uten 3 avvist(e) post(er) og 0 fil(er) som ikke kunne leses, nevnt i rejected.csv og avsnittet «Innlesing»",
    )
    const wrong = [
      ["citizens.csv", lineOf("citizens.csv", "19x8"), "birthYear"],
      ["enrollments.csv", lineOf("enrollments.csv", "pågår"), "status"],
      ["attendance.csv", lineOf("attendance.csv", "2024-02-30"), "date"],
    ] as const
    const report = readFileSync(join(dir, "report.md"), "utf8")
    expect(report).toContain("## Innlesing: avviste poster og regelbrudd")
    const rejected = readFileSync(join(dir, "rejected.csv"), "utf8").split("\n")
    for (const [file, line, field] of wrong) {
      expect(line).toBeGreaterThan(1)
      expect(report).toContain(`| ${file} | avvist post | felt ${field} | : |`)
      expect(report).not.toContain(`${file}:${line}`)
      expect(
        rejected.some((r) => r.startsWith(`${file},${line},${line - 1},`) && r.includes(`,rejected,${field},`)),
      ).toBe(true)
    }
    expect(report).not.toContain("Forventet én av")
    expect(rejected.join("\n")).toContain(
      "Forventet én av «ongoing» (pågår), «completed» (fullført) eller «withdrawn» (avbrutt)",
    )
    const referral = lineOf("referrals.csv", "yoga-i-parken")
    expect(rejected).toContain(
      `referrals.csv,${referral},${referral - 1},referrals,violation,offeringId,unknown-reference,"Viser til tilbud «yoga-i-parken», som ikke finnes i dataene"`,
    )
  })

  it("stops with exit code 1 and no report on --stop-on-violations, still writing rejected.csv", async () => {
    const { run: runInProcess } = await import("../../src/node/run.js")
    const dir = mkdtempSync(join(tmpdir(), "cli-folder-"))
    const err: Array<string> = []
    const code = await runInProcess(
      [example, "--out", join(dir, "report.html"), "--stop-on-violations", "--lang", "en"],
      { stdout: () => {}, stderr: (t) => err.push(t) },
    )
    expect(code).toBe(1)
    expect(existsSync(join(dir, "report.html"))).toBe(false)
    expect(readFileSync(join(dir, "rejected.csv"), "utf8").split("\n")[0]).toBe(
      "file,line,record,entity,kind,field,code,message",
    )
    expect(err[0]).toMatch(/^\d+ problem\(s\) in the data \/ problem\(er\) i dataene:$/u)
    expect(err.join("\n")).toMatch(
      /citizens\.csv:\d+, record \d+, field birthYear: Expected .* \/ citizens\.csv:\d+, post \d+, felt birthYear: Forventet/u,
    )
  })
})

describe("aktivitet-report FOLDER: the exit code", () => {
  const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
  const copy = (change: (dir: string) => void): string => {
    const dir = join(mkdtempSync(join(tmpdir(), "cli-exit-")), "export-2024")
    cpSync(example, dir, { recursive: true })
    change(dir)
    return dir
  }
  const clean = copy((dir) => {
    // The example's wrong rows taken out: every record valid, one broken rule left.
    for (const [file, text] of [
      ["citizens.csv", "19x8"],
      ["enrollments.csv", "pågår"],
      ["attendance.csv", "2024-02-30"],
    ] as const) {
      const lines = readFileSync(join(dir, file), "utf8").split("\n")
      writeFileSync(join(dir, file), lines.filter((l) => !l.includes(text)).join("\n"))
    }
  })

  it("is 0 when every record was read, a broken rule alone changing nothing", async () => {
    const r = await inProcess([clean, "--format", "md", "--lang", "en"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("unknown-reference")
  })

  it.each([
    [
      "a repeated row",
      (dir: string) =>
        appendFileSync(join(dir, "sessions.csv"), readFileSync(join(dir, "sessions.csv"), "utf8").split("\n")[1]!),
    ],
    ["an empty file", (dir: string) => writeFileSync(join(dir, "transitions.csv"), "")],
    ["a file whose header rejects every row", (dir: string) => writeFileSync(join(dir, "feedback.csv"), "x,y\n1,2\n")],
  ])("is 1 after writing the report when the folder has %s", async (_, change) => {
    const dir = copy((d) => {
      cpSync(clean, d, { recursive: true })
      change(d)
    })
    const out = join(dir, "..", "report.md")
    const r = await inProcess([dir, "--out", out, "--lang", "en"])
    expect(r.code).toBe(1)
    expect(existsSync(out)).toBe(true)
    expect(r.stderr.split("\n").at(-1)).toMatch(
      /^Made without \d+ rejected record\(s\) and \d+ file\(s\) that could not be read/u,
    )
  })

  it("is 1 for export too, and 0 when nothing was left out", async () => {
    const root = mkdtempSync(join(tmpdir(), "cli-exit-export-"))
    expect((await inProcess(["export", clean, "--arrow", join(root, "a")])).code).toBe(0)
    const empty = copy((d) => {
      cpSync(clean, d, { recursive: true })
      writeFileSync(join(d, "transitions.csv"), "")
    })
    expect((await inProcess(["export", empty, "--arrow", join(root, "b")])).code).toBe(1)
  })
})
