import { describe, expect, it } from "vitest"
import { parseArgs, parseAuditArgs } from "../../src/node/cliArgs.js"

describe("aktivitet-report arguments", () => {
  it("takes a data file, a year, an output and a language", () => {
    const a = parseArgs(["--data", "year.json", "--year", "2024", "--out", "out/report.md", "--lang", "en"])
    expect(a.source).toEqual({ kind: "data", file: "year.json" })
    expect([a.year, a.out, a.lang, a.format]).toEqual([2024, "out/report.md", "en", "md"])
    // The profile's numbers come from the policy tree unless given.
    expect([a.profile, a.overrides, a.names]).toEqual(["strict", {}, undefined])
  })

  it("takes a folder of exports, a policy tree, a place for rejected.csv and whether to stop on violations", () => {
    const a = parseArgs([
      "examples/data/export-2024",
      "--policy",
      "my-policy",
      "--rejected",
      "out/avvist.csv",
      "--stop-on-violations",
    ])
    expect([a.source, a.policy, a.rejected, a.stopOnViolations]).toEqual([
      { kind: "folder", dir: "examples/data/export-2024" },
      "my-policy",
      "out/avvist.csv",
      true,
    ])
    expect(parseArgs(["--synthetic"]).stopOnViolations).toBe(false)
  })

  it("takes the engine that computes the indicators, auto by default", () => {
    expect(parseArgs(["--synthetic"]).engine).toBe("auto")
    for (const engine of ["arquero", "duckdb", "auto"] as const)
      expect(parseArgs(["--synthetic", "--engine", engine]).engine).toBe(engine)
    expect(parseArgs(["out/tables", "--engine=duckdb"]).engine).toBe("duckdb")
    expect(() => parseArgs(["--synthetic", "--engine", "DuckDB"])).toThrow(
      '--engine must be arquero, duckdb or auto, got "DuckDB"',
    )
  })

  it("takes a synthetic year with a seed, and options written with =", () => {
    const a = parseArgs(["--synthetic", "--seed=7", "--citizens", "200", "--format=json", "--min", "1", "--max", "9"])
    expect(a.source).toEqual({ kind: "synthetic", seed: 7, citizens: 200 })
    expect([a.format, a.profile, a.overrides]).toEqual(["json", "strict", { min: 1, max: 9 }])
  })

  it("takes a profile and its own numbers, and a file of names", () => {
    expect(parseArgs(["--synthetic", "--profile", "ssb", "--max-n", "2"]).overrides).toEqual({ maxN: 2 })
    const a = parseArgs(["--synthetic", "--profile=rounding", "--base", "5", "--names", "navn.txt"])
    expect([a.profile, a.overrides, a.names]).toEqual(["rounding", { base: 5 }, "navn.txt"])
  })

  it.each([
    [["--synthetic", "--profile", "lax"], /--profile must be ssb, strict or rounding, got "lax"/u],
    [["--synthetic", "--profile", "ssb", "--max", "4"], /--min and --max belong to the profile strict/u],
    [["--synthetic", "--base", "5"], /--base belongs to the profile rounding/u],
    [["--synthetic", "--profile", "rounding", "--base", "1"], /--base must be a whole number from 2 to 1000/u],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })

  it("parses the audit's arguments", () => {
    expect(parseAuditArgs(["a.csv", "b.json", "--max", "3", "--lang=en"])).toEqual({
      files: ["a.csv", "b.json"],
      lang: "en",
      min: undefined,
      max: 3,
      help: false,
    })
    expect(() => parseAuditArgs([])).toThrow(/Give at least one file to audit/u)
    expect(() => parseAuditArgs(["a.csv", "--colour", "x"])).toThrow(/Unknown option --colour/u)
  })

  it.each([
    [[], /Give a FOLDER of exports, --data FILE or --synthetic/u],
    [["--data", "a.json", "--synthetic"], /Use one of FOLDER, --data and --synthetic/u],
    [["export-2024", "--synthetic"], /Use one of FOLDER, --data and --synthetic/u],
    [["export-2024", "other"], /Unknown argument "other"/u],
    [["--synthetic", "--lang", "de"], /--lang must be nb or en, got "de"/u],
    [["--synthetic", "--format", "pdf"], /--format must be html, md, csv or json, got "pdf"/u],
    [["--synthetic", "--year", "20x4"], /--year must be a whole number from 2000 to 2100, got "20x4"/u],
    [["--synthetic", "--year"], /--year needs a value/u],
    [["--synthetic", "--colour"], /Unknown option --colour/u],
    [["--synthetic", "--min", "5", "--max", "4"], /--max \(4\) is less than --min \(5\)/u],
  ] as const)("explains %j in both languages", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
    expect(() => parseArgs(argv)).toThrow(/ \/ /u)
  })
})

describe("aktivitet-report arguments, read with node:util parseArgs", () => {
  it("takes -h for --help, and a folder after -- even when it starts with dashes", () => {
    expect(parseArgs(["-h"]).help).toBe(true)
    expect(parseArgs(["--", "--odd-folder"]).source).toEqual({ kind: "folder", dir: "--odd-folder" })
  })

  it.each([
    [["--synthetic", "--stop-on-violations=yes"], /--stop-on-violations takes no value/u],
    [["--synthetic", "--out="], /--out needs a value/u],
    [["--synthetic", "--seed", "-1"], /--seed must be a whole number from 0/u],
    [["", "--synthetic"], /Unknown argument ""/u],
    [["--synthetic", "--toString"], /Unknown option --toString/u],
  ] as const)("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })
})
