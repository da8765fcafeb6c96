// The months and years a period touches, as day numbers.

import { Calendar } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { spans } from "../../../src/query/handwritten/spans.js"

const d = (iso: string): number => Calendar.dayNumber(iso)

describe("spans", () => {
  it("gives each month from the one holding the start to the one holding the end, whole", () => {
    expect(spans({ from: d("2024-01-15"), to: d("2024-03-02") }, "month")).toEqual([
      [d("2024-01-01"), d("2024-01-31")],
      [d("2024-02-01"), d("2024-02-29")],
      [d("2024-03-01"), d("2024-03-31")],
    ])
  })

  it("gives years across a new year, and one span for an empty period", () => {
    expect(spans({ from: d("2023-12-31"), to: d("2024-01-01") }, "year")).toEqual([
      [d("2023-01-01"), d("2023-12-31")],
      [d("2024-01-01"), d("2024-12-31")],
    ])
    expect(spans({ from: d("2024-05-10"), to: d("2024-05-01") }, "month")).toEqual([[d("2024-05-01"), d("2024-05-31")]])
  })
})
