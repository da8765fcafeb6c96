// Markdown output escapes what it shows as the HTML output does: a title, a
// name, a theme or a label from the records renders as that text and nothing
// else — no HTML, link, image, emphasis, code, heading or extra table column.
// Rendered with markdown-it (CommonMark with GitHub tables) with raw HTML
// allowed, as a wiki or issue tracker that trusts its input would.
import { describe, expect, it } from "vitest"
import { buildReport, EvaluationPlan, Markdown } from "../../src/index.js"
import type { Model } from "../../src/outputs/ReportModel.js"
import { policy } from "../fixturePolicy.js"
import { hostileDepartments, hostileTexts, hostileYear } from "./fixtures.js"

type Renderer = { render: (markdown: string) => string }
// markdown-it comes with typedoc (a root devDependency) and has no types of its own.
const { default: MarkdownIt } = (await import("markdown-it" as string)) as {
  default: new (options: object) => Renderer
}
const renderer = new MarkdownIt({ html: true, linkify: false })

const escapeHtml = (s: string) =>
  s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;")
// What a text looks like once rendered: one line, HTML-escaped by the renderer.
const asRendered = (s: string) => escapeHtml(s.replace(/\r\n|[\r\n]/gu, " ").trim())

// Every table keeps its columns: each body row has as many cells as the header.
const columnsHold = (html: string): void => {
  for (const table of html.split("<table>").slice(1)) {
    const head = (table.split("</thead>")[0]!.match(/<th[ >]/gu) ?? []).length
    for (const row of table.split("<tbody>")[1]!.split("</tbody>")[0]!.split("</tr>").slice(0, -1)) {
      expect((row.match(/<td[ >]/gu) ?? []).length).toBe(head)
    }
  }
}

const report = buildReport(hostileYear(), { policy, year: 2024, title: hostileTexts[8] })

// The report's model with a hostile text in every text a Markdown report shows.
const hostileModel = (): Model => {
  const h = (i: number) => hostileTexts[i % hostileTexts.length]!
  const both = (i: number) => ({ nb: h(i), en: h(i + 1) })
  const m = report.model
  return {
    ...m,
    title: h(0),
    headlines: m.headlines.map((_, i) => ({ label: both(i), value: h(i + 2) })),
    sections: m.sections.map((s, i) => {
      const indicator = {
        ...s.indicator,
        name: both(i),
        definition: { ...s.indicator.definition, numerator: both(i + 3), denominator: both(i + 4) },
        measures: s.indicator.measures.map((x, k) => ({ ...x, label: both(i + k) })),
      }
      return {
        ...s,
        indicator,
        table: { ...s.table, indicator },
        monthly: s.monthly === null ? null : { ...s.monthly, indicator },
      }
    }),
    plan: {
      ...m.plan,
      rows: m.plan.rows.map((r, i) => ({ ...r, measure: both(i), assessment: both(i + 5), who: both(i + 9) })),
    },
  }
}

describe("Markdown output of hostile records", () => {
  it("renders no element from the data", () => {
    for (const md of [report.markdown, Markdown.render(hostileModel())]) {
      const html = renderer.render(md)
      expect(html).not.toMatch(/<img|<script|<a |<code>|<em>|<b>|<h[3-6]/u)
      expect((html.match(/<h1>/gu) ?? []).length).toBe(1)
      expect((html.match(/<strong>/gu) ?? []).length).toBe(report.model.headlines.length)
      columnsHold(html)
    }
  })

  it("shows every text of the data as that text, in titles, headings, labels, table cells and the plan", () => {
    const html = renderer.render(Markdown.render(hostileModel()))
    for (const t of hostileTexts) expect(html).toContain(asRendered(t))
    expect(html).toContain(`<h1>${asRendered(hostileTexts[0])}</h1>`)
    // Names of departments and offerings, from the records, in the report itself.
    const fromRecords = renderer.render(report.markdown)
    for (const d of hostileDepartments) expect(fromRecords).toContain(asRendered(d.name.nb))
    expect(fromRecords).toContain(asRendered("Navn <img src=x onerror=alert(1)>"))
  })

  it("escapes the characters Markdown gives meaning, as the brief lists them", () => {
    const plan: EvaluationPlan.Plan = {
      period: { from: "2024-01-01", to: "2024-12-31" },
      rows: [
        {
          id: "x",
          measure: { nb: "<img src=x onerror=alert(1)>", en: "" },
          assessment: { nb: "[a](b) *c* _d_ `e` !f & #g", en: "" },
          continue: "yes",
          who: { nb: "# h\nny | linje", en: "" },
        },
      ],
    }
    const row = EvaluationPlan.toMarkdown(plan, "nb").split("\n")[2]
    expect(row).toBe(
      "| &lt;img src=x onerror=alert\\(1\\)&gt; | \\[a\\]\\(b\\) \\*c\\* \\_d\\_ \\`e\\` \\!f &amp; #g | Ja | \\# h ny \\| linje |",
    )
  })

  it("keeps a plan table's four columns whatever its cells hold", () => {
    const rows = hostileTexts.map((t, i) => ({
      id: `r${i}`,
      measure: { nb: t, en: t },
      assessment: { nb: t, en: t },
      continue: "uncertain" as const,
      who: { nb: t, en: t },
    }))
    const html = renderer.render(
      EvaluationPlan.toMarkdown({ period: { from: "2024-01-01", to: "2024-12-31" }, rows }, "en"),
    )
    expect((html.match(/<tr>/gu) ?? []).length).toBe(rows.length + 1)
    columnsHold(html)
    for (const t of hostileTexts) expect(html).toContain(`<td>${asRendered(t)}</td>`)
  })
})
