import type { Problems } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { DataFileError, dataFileCode, readYearTable, valueOrThrow } from "../../src/internal/yearTable.js"

const id = "01019012345" // a made-up number of the national identity number's shape

const failure = (f: () => unknown): DataFileError => {
  try {
    f()
  } catch (e) {
    if (e instanceof DataFileError) return e
    throw e
  }
  throw new Error("expected a DataFileError")
}

describe("readYearTable", () => {
  it("reads a year table", () => {
    const t = readYearTable("measure,2021,2022\nvisits,3,4\n", "t.csv", { key: "measure", textColumns: [] })
    expect(t.years).toEqual([2021, 2022])
    expect(t.rows[0]?.values.get(2022)).toBe(4)
  })

  it("reports every problem as a core problem: code, pointer, file and line", () => {
    const read = (text: string) => readYearTable(text, "t.csv", { key: "measure", textColumns: [] })
    const e = failure(() =>
      valueOrThrow({ value: null, rejected: read(`measure,2021\nvisits,x\nvisits,2\n${id},1,2\n`).rejected }),
    )
    expect(e.problems.length).toBeGreaterThan(1)
    const core: ReadonlyArray<Problems.Problem> = e.problems
    for (const p of core) {
      expect(p.code).toBe(dataFileCode)
      expect(p.file).toBe("t.csv")
      expect(typeof p.line).toBe("number")
    }
    expect(e.problems.find((p) => p.field === "measure")?.pointer).toBe("/measure")
    expect(e.problems.find((p) => p.field === "(row)")?.pointer).toBe("")
    expect(e.message).not.toContain(id)
  })

  it("keeps a code and pointer a reader gave", () => {
    const e = new DataFileError([
      { code: "own", pointer: "/x", file: "f.csv", line: 2, field: "x", message: { nb: "feil", en: "wrong" } },
      { file: "f.csv", line: 3, field: "(header)", message: { nb: "feil", en: "wrong" } },
    ])
    expect(e.problems.map((p) => [p.code, p.pointer])).toEqual([
      ["own", "/x"],
      [dataFileCode, ""],
    ])
  })
})
