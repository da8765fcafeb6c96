import { describe, expect, it } from "vitest"
import { parseArgs } from "../../src/node/cliArgs.js"

describe("aktivitet-report arguments", () => {
  it("takes a data file, a year, an output and a language", () => {
    const a = parseArgs(["--data", "year.json", "--year", "2024", "--out", "out/report.md", "--lang", "en"])
    expect(a.source).toEqual({ kind: "data", file: "year.json" })
    expect([a.year, a.out, a.lang, a.format]).toEqual([2024, "out/report.md", "en", "md"])
    expect(a.rule).toEqual({ min: 1, max: 4 })
  })

  it("takes a synthetic year with a seed, and options written with =", () => {
    const a = parseArgs(["--synthetic", "--seed=7", "--citizens", "200", "--format=json", "--min", "1", "--max", "9"])
    expect(a.source).toEqual({ kind: "synthetic", seed: 7, citizens: 200 })
    expect([a.format, a.rule]).toEqual(["json", { min: 1, max: 9 }])
  })

  it.each([
    [[], /Give --data FILE or --synthetic/u],
    [["--data", "a.json", "--synthetic"], /either --data or --synthetic/u],
    [["--synthetic", "--lang", "de"], /--lang must be nb or en, got "de"/u],
    [["--synthetic", "--format", "pdf"], /--format must be html, md, csv or json, got "pdf"/u],
    [["--synthetic", "--year", "20x4"], /--year must be a whole number from 2000 to 2100, got "20x4"/u],
    [["--synthetic", "--year"], /--year needs a value/u],
    [["--synthetic", "--colour"], /Unknown option --colour/u],
    [["--synthetic", "--min", "5", "--max", "4"], /--max \(4\) is less than --min \(5\)/u]
  ] as const)("explains %j in both languages", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
    expect(() => parseArgs(argv)).toThrow(/ \/ /u)
  })
})
