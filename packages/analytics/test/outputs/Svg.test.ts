import { describe, expect, it } from "vitest"
import { AnalyticsError, Svg } from "../../src/index.js"

// Tags must open and close in order: enough to know the SVG is well-formed
// for a browser, without an XML parser.
const balanced = (svg: string): boolean => {
  const stack: Array<string> = []
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/gu)) {
    const [, close, name, self] = m
    if (self === "/") continue
    if (close === "/") {
      if (stack.pop() !== name) return false
    } else stack.push(name!)
  }
  return stack.length === 0
}

describe("Svg", () => {
  it("draws a bar per value, none for a hidden one, and escapes labels", () => {
    const svg = Svg.barChart(
      "Oppmøte <per> tilbud",
      [
        { label: "Turgruppe & co", value: 0.5, text: "50 %" },
        { label: "Yoga", value: null, text: ":" },
      ],
      { max: 1, id: "c1" },
    )
    expect(svg.match(/<rect /gu)?.length).toBe(1)
    expect(svg).toContain('width="170.0"')
    expect(svg).toContain("Oppmøte &lt;per&gt; tilbud")
    expect(svg).toContain("Turgruppe &amp; co")
    expect(svg).toContain('role="img" aria-labelledby="c1"')
    expect(balanced(svg)).toBe(true)
  })

  it("makes room for the longest label instead of cutting it", () => {
    const label = "Tilpassede aktiviteter i omsorgsbolig (rus og avhengighet)"
    const svg = Svg.barChart("Deltakere", [{ label, value: 3, text: "3" }], { id: "c3" })
    const labelEnd = Number(/<text x="([\d.]+)" [^>]*text-anchor="end"/u.exec(svg)![1])
    // The label is right-aligned at labelEnd; at ~6.6 px a character it must start inside the picture.
    expect(labelEnd - label.length * 6.6).toBeGreaterThanOrEqual(0)
    expect(Number(/<rect x="([\d.]+)"/u.exec(svg)![1])).toBe(labelEnd + 8)
  })

  it("breaks a line at a missing value instead of bridging it", () => {
    const svg = Svg.lineChart(
      "Nye saker",
      ["2019", "2020", "2021"],
      [{ name: "Nye saker", values: [null, 966, 1585] }],
      String,
      { id: "c2" },
    )
    const path = /<path d="([^"]*)"/u.exec(svg)![1]!
    expect(path.match(/M/gu)?.length).toBe(1)
    expect(path.match(/L/gu)?.length).toBe(1)
    const gap = Svg.lineChart("x", ["a", "b", "c"], [{ name: "x", values: [1, null, 3] }], String)
    expect(/<path d="([^"]*)"/u.exec(gap)![1]!.match(/M/gu)?.length).toBe(2)
    expect(balanced(svg)).toBe(true)
  })

  it("draws one bar per series and group, in the series' colours with a legend, none for null", () => {
    const svg = Svg.groupedBarChart(
      "Andeler <per> kategori",
      ["Behandling", "Hverdag & fritid"],
      [
        { name: "Oppmøte", values: [0.5, 1] },
        { name: "Fullføring", values: [0.25, null] },
      ],
      (v) => `${v * 100} %`,
      { max: 1, id: "g1" },
    )
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14" fill="(#[0-9a-f]+)"\/>/gu)]
    // Three bars on a 340 px scale to 1; the null gets none. Two legend swatches besides.
    expect(bars.map((m) => m[1])).toEqual(["170.0", "85.0", "340.0"])
    expect(new Set(bars.map((m) => m[2])).size).toBe(2)
    expect(svg.match(/width="10" height="10"/gu)?.length).toBe(2)
    expect(svg).toContain(">25 %</text>")
    expect(svg).toContain("Hverdag &amp; fritid")
    expect(svg).toContain("Andeler &lt;per&gt; kategori")
    expect(balanced(svg)).toBe(true)
  })

  it("refuses a series without one value per group, and a format that gives no text", () => {
    expect(() => Svg.groupedBarChart("x", ["a", "b"], [{ name: "s", values: [1] }], String)).toThrow(
      /one value per group/u,
    )
    expect(() => Svg.groupedBarChart("x", ["a"], [{ name: "s", values: [1] }], (() => 1) as never)).toThrow(
      AnalyticsError,
    )
  })

  it("gives the same chart the same id", () => {
    expect(Svg.barChart("A", [])).toBe(Svg.barChart("A", []))
  })
})
