// run(argv, io) in process, with a fake io: the help, usage errors and hostile
// arguments, and the exit codes of docs/cli.md. Whole reports are run in
// cli.test.ts and hostile/cli.test.ts.
import { Redact } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { usage } from "../../src/node/cliArgs.js"
import { run } from "../../src/node/run.js"
import { cli } from "./inProcess.js"

describe("run --help", () => {
  it.each([
    [["--help"]],
    [["-h"]],
    [["help"]],
    [["--synthetic", "--help"]],
    [["audit", "--help"]],
    [["export", "--help"]],
  ])("prints the help on stdout and exits with 0 for %j", async (argv) => {
    expect(await cli(argv)).toEqual({ code: 0, stdout: usage, stderr: "" })
  })

  it("prints the help and exits with 2 when given nothing, as aktivitet-rules does", async () => {
    expect(await cli([])).toEqual({ code: 2, stdout: usage, stderr: "" })
  })

  it("is laid out as aktivitet-rules --help: a title, the commands, the options, notes and exit codes", () => {
    const [title, blank, ...rest] = usage.split("\n")
    expect(title).toMatch(/^aktivitet-report — .+ \/ .+$/u)
    expect(blank).toBe("")
    const sections = rest.join("\n").split("\n\n")
    expect(sections).toHaveLength(3)
    expect(sections[0]!.split("\n").filter((l) => /^ {2}aktivitet-report /u.test(l))).toHaveLength(6)
    expect(sections[1]!.split("\n").every((l) => /^ {2}--|^ {24}/u.test(l))).toBe(true)
    const exit = sections[2]!.slice(sections[2]!.indexOf("Exit codes / avslutningskoder:"))
    for (const code of ["0", "1", "2", "3", "70"]) expect(exit).toMatch(new RegExp(`\\s${code} [a-z]`, "u"))
  })
})

describe("run with arguments it cannot use", () => {
  it.each([
    [["--synthetic", "--colour", "red"], "Unknown option --colour / Ukjent valg --colour"],
    [["--synthetic", "-x"], "Unknown option -x / Ukjent valg -x"],
    [["--synthetic", "--__proto__", "x"], "Unknown option --__proto__ / Ukjent valg --__proto__"],
    [["--synthetic", "--constructor"], "Unknown option --constructor / Ukjent valg --constructor"],
    [["--synthetic", "--profile", "__proto__"], '--profile must be ssb, strict or rounding, got "__proto__"'],
    [["--synthetic", "--year", "--out", "x.md"], "--year needs a value / --year mangler en verdi"],
    [["--synthetic=yes"], "--synthetic takes no value / --synthetic tar ingen verdi"],
    [
      ["--synthetic", "--engine", "spark"],
      '--engine must be arquero, duckdb or auto, got "spark" / --engine må være arquero, duckdb eller auto, fikk "spark"',
    ],
    [["--synthetic", "--engine"], "--engine needs a value / --engine mangler en verdi"],
    [["audit"], "Give at least one file to audit / Oppgi minst én fil å revidere"],
    [["audit", "a.csv", "--profile", "ssb"], "Unknown option --profile / Ukjent valg --profile"],
    [
      ["export", "--synthetic"],
      "export needs --parquet DIR, --csv DIR or --arrow DIR / export trenger --parquet MAPPE, --csv MAPPE eller --arrow MAPPE",
    ],
    [["export", "--synthetic", "--parquet", "a", "--csv", "b"], "Use one of --parquet DIR, --csv DIR and --arrow DIR"],
    [["export", "--synthetic", "--arrow", "a", "--csv", "b"], "Use one of --parquet DIR, --csv DIR and --arrow DIR"],
    [["export", "--parquet", "a"], "Give a FOLDER of exports, --data FILE or --synthetic"],
    [["export", "--synthetic", "--parquet", "a", "--out", "r.html"], "Unknown option --out / Ukjent valg --out"],
  ])("exits with 2 on %j, the message and then the help on stderr", async (argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.split("\n")[0]).toContain(message)
    expect(r.stderr.endsWith(usage)).toBe(true)
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it("never echoes an identity number given as an option, a value or a folder", async () => {
    const id = "01019012345"
    for (const argv of [[`--${id}`], ["--synthetic", "--lang", id], ["--synthetic", "--year", id], ["other", id]]) {
      const r = await cli(argv)
      expect(r.code).toBe(2)
      expect(r.stderr).not.toContain(id)
      expect(r.stderr).toContain(Redact.MASK)
    }
  })
})

describe("run when something unforeseen fails", () => {
  it("exits with 70 and names the error's kind, never its text", async () => {
    const r = await cli(["--help"], {
      stdout: () => {
        throw new TypeError("the stream is closed: 01019012345")
      },
    })
    expect(r.code).toBe(70)
    expect(r.stderr).toBe(
      "Internal error in aktivitet-report (TypeError); please report it / Intern feil i aktivitet-report (TypeError); meld gjerne fra om den",
    )
  })

  it("resolves to 70 even when nothing can be written at all", async () => {
    const closed = () => {
      throw new Error("EPIPE")
    }
    await expect(run(["--help"], { stdout: closed, stderr: closed })).resolves.toBe(70)
    await expect(run(["--colour"], { stdout: closed, stderr: closed })).resolves.toBe(70)
  })
})

describe("run on any arguments (property)", () => {
  // Tokens a person or a script could type: the real options, prototype names
  // as options and values, an identity number, and arbitrary text that names
  // no existing path ("x-" first), so no report runs and every call is quick.
  const token = fc.oneof(
    fc.constantFrom(
      "--year",
      "--out",
      "--data",
      "--lang",
      "--format",
      "--plan",
      "--source",
      "--__proto__",
      "--constructor",
      "--toString",
      "--year=__proto__",
      "--lang=constructor",
      "--",
      "audit",
      "export",
      "--parquet",
      "--csv",
      "--arrow",
      "--arrow=x-__proto__",
      "--parquet=01019012345",
      "--csv=__proto__",
      "__proto__",
      "constructor",
      "01019012345",
      "--data=01019012345.json",
      "--engine",
      "duckdb",
      "auto",
      "arquero",
      "--engine=__proto__",
      "--engine=01019012345",
    ),
    fc.string({ maxLength: 12 }).map((s) => `x-${s}`),
  )

  it("never throws, exits with a documented code, shows no identity number and leaves prototypes alone", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (argv) => {
        const r = await cli(argv)
        expect([0, 1, 2, 3, 70]).toContain(r.code)
        expect(Redact.containsNationalId(`${r.stdout}\n${r.stderr}`)).toBe(false)
        expect(Object.keys(Object.prototype)).toEqual([])
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    )
  })
})
