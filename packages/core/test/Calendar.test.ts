// Calendar is the date arithmetic without schemas: what a browser bundle that
// must stay small imports (the rules' decide entry). IsoDate gives the same
// functions under its old names.

import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Calendar, IsoDate, Policy } from "../src/index.js"

const packageDir = fileURLToPath(new URL("..", import.meta.url))

// isIsoDate as it was written with a pattern: it now reads the characters one by one.
const byPattern = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) return false
  const y = +s.slice(0, 4)
  const mo = +s.slice(5, 7)
  const d = +s.slice(8, 10)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return (
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= (mo === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!)
  )
}

describe("Calendar", () => {
  it("accepts as an ISO date exactly what the pattern and the month lengths accept (property)", () => {
    const near = fc.constantFrom(..."0123456789-/:x \u0660".split(""))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 8, maxLength: 12, unit: near }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          fc
            .tuple(fc.nat(9999), fc.nat(99), fc.nat(99))
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
            ),
          fc.string({ maxLength: 12 }),
        ),
        (s) => {
          expect(Calendar.isIsoDate(s)).toBe(byPattern(s))
        },
      ),
      { numRuns: 2000 },
    )
    for (const s of [
      "2024-02-29",
      "2023-02-29",
      "1900-02-29",
      "2000-02-29",
      "0000-01-01",
      "2024-04-31",
      "2024-01-01\n",
    ])
      expect(Calendar.isIsoDate(s)).toBe(byPattern(s))
  })

  it("is the arithmetic IsoDate gives, not a copy of it", () => {
    for (const name of [
      "addDays",
      "addMonths",
      "ageOn",
      "daysBetween",
      "daysInMonth",
      "isIsoDate",
      "isoWeek",
      "isoWeekday",
      "today",
    ] as const) {
      expect(IsoDate[name], name).toBe(Calendar[name])
    }
    expect(Calendar.ageOn("2005-03-10", "2023-03-09")).toBe(17)
    expect(Calendar.addMonths("2023-12-31", 2)).toBe("2024-02-29")
  })

  it("loads no schema, and neither does Policy, which reads dated values with it", async () => {
    const result = await build({
      stdin: {
        contents:
          'import { Calendar, Policy } from "./src/index.ts"\nexport const f = [Calendar.addDays, Policy.valueOn, Policy.transitionEnd]',
        resolveDir: packageDir,
        loader: "ts",
      },
      // Paths in the metafile are then relative to this package.
      absWorkingDir: packageDir,
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      metafile: true,
      logLevel: "silent",
    })
    const inputs = Object.values(result.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    )
    expect(inputs).toEqual(expect.arrayContaining(["src/Calendar.ts", "src/Policy.ts"]))
    expect(inputs.filter((p) => p.includes("node_modules/effect/") || p.endsWith("src/IsoDate.ts"))).toEqual([])
    expect(
      Policy.transitionEnd(
        Policy.make([
          ["model.start", { datedBy: "question-date", values: [{ from: "2023-03-09", value: "2023-03-09" }] }],
          ["transition.duration", { datedBy: "question-date", values: [{ from: "2023-03-09", value: "P2M" }] }],
        ]),
        { question: "2024-01-01" },
      ),
    ).toBe("2023-05-08")
  })
})

describe("Calendar day numbers and ages", () => {
  it("counts days since 1970-01-01 both ways", () => {
    expect(Calendar.dayNumber("1970-01-02")).toBe(1)
    expect(Calendar.dayNumber("1969-12-31")).toBe(-1)
    expect(Calendar.fromDayNumber(Calendar.dayNumber("2024-02-29"))).toBe("2024-02-29")
    expect(Calendar.dayNumber("2024-03-01") - Calendar.dayNumber("2024-02-28")).toBe(2)
  })

  it("gives one age from a birth date and the two possible ones from a birth year", () => {
    expect(Calendar.agesOn({ birthYear: 2005, birthDate: "2005-03-10" }, "2023-03-09")).toEqual([17])
    expect(Calendar.agesOn({ birthYear: 2005 }, "2023-03-09")).toEqual([18, 17])
    expect(Calendar.agesOn({ birthYear: 2005 }, "2023-12-31")).toEqual([18])
    expect(IsoDate.agesOn).toBe(Calendar.agesOn)
  })
})

const digit = fc.integer({ min: 0, max: 9 }).map(String)
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""))
// Texts shaped YYYY-MM-DD, whether or not a calendar date.
const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)
const near = fc.constantFrom("2024-02-29", "2023-02-29", "2024-12-31", "2025-01-01", "2024-00-10", "2024-13-01")
// A shaped text with one digit swapped for another character.
const spoiled = fc
  .tuple(shaped, fc.constantFrom(0, 1, 2, 3, 5, 6, 8, 9), fc.constantFrom("/", ":", " ", "-", ".", "a", "\u0660"))
  .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1))
const other = fc.oneof(
  spoiled,
  fc.string({ maxLength: 12 }),
  shaped.map((s) => s.replace("-", "/")),
  shaped.map((s) => `${s} `),
  shaped.map((s) => s.slice(1)),
  fc.constantFrom("2024-1-01", "2024-01-0a", "2024-01-0:", "2024-01-0/", "+024-01-01", "٢٠٢٤-01-01"),
)

describe("dateKey", () => {
  it("is the digits of a text shaped YYYY-MM-DD as one number (property)", () => {
    fc.assert(
      fc.property(shaped, (s) => {
        expect(Calendar.dateKey(s)).toBe(Number(s.replaceAll("-", "")))
      }),
    )
  })

  it("orders two shaped texts as the texts compare (property)", () => {
    fc.assert(
      fc.property(fc.oneof(shaped, near), fc.oneof(shaped, near), (a, b) => {
        expect(Math.sign(Calendar.dateKey(a) - Calendar.dateKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0)
      }),
    )
  })

  it("is -1 for any other text and for what is no text (property)", () => {
    fc.assert(
      fc.property(other, (s) => {
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) expect(Calendar.dateKey(s)).toBe(-1)
      }),
      { numRuns: 2000 },
    )
    for (const u of [undefined, null, 20240101, { length: 10 }, ["2024-01-01"]]) expect(Calendar.dateKey(u)).toBe(-1)
  })
})
