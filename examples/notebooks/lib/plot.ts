// Shows the analytics package's charts in a notebook. The charts themselves
// (Svg.barChart, Svg.groupedBarChart, Svg.lineChart) and the number formats
// (Format.number, Format.share, Format.percent) are the report's own, from
// "@aktivitetsmodell/analytics"; this only hands the SVG text to the kernel.

/** A chart the Jupyter kernel displays as an SVG image; `svg` can be written to a file. */
export class SvgChart {
  constructor(readonly svg: string) {}
  toString(): string {
    return this.svg
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "image/svg+xml": this.svg }
  }
}

/**
 * Displays an SVG chart as the last expression of a cell.
 *
 * @example
 * show(Svg.barChart("Deltagere per kategori", [{ label: "Behandling", value: 120, text: Format.number(120) }]))
 */
export const show = (svg: string): SvgChart => new SvgChart(svg)
