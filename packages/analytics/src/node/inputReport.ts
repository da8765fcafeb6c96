// A built report with what reading its input found: the HTML and Markdown
// are written again from the same model with the input section added, and
// checked for identifiers as buildReport checks its own texts.
import { formatNumber } from "../internal/format.js"
import * as Html from "../outputs/Html.js"
import * as Markdown from "../outputs/Markdown.js"
import * as Rejected from "../outputs/Rejected.js"
import { assertNone } from "../privacy/Identifiers.js"
import type { Report } from "../Report.js"

/** `report` with `section` in its HTML, its Markdown and its console summary. */
export const withInput = (report: Report, section: Rejected.Section, names: ReadonlyArray<string> = []): Report => {
  const model = { ...report.model, rejected: section }
  const html = Html.render(model)
  const markdown = Markdown.render(model)
  assertNone(html, "report.html", { names })
  assertNone(markdown, "report.md", { names })
  const t = Rejected.totals(section)
  const lang = model.lang
  const n = (x: number) => formatNumber(x, lang)
  const line =
    lang === "nb"
      ? `  Innlest: ${n(t.records)} poster, ${n(t.valid)} gyldige, ${n(t.rejected)} avvist; ${n(t.violations)} brudd på modellens regler.`
      : `  Read: ${n(t.records)} records, ${n(t.valid)} valid, ${n(t.rejected)} rejected; rules of the model broken: ${n(t.violations)}.`
  return { ...report, html, markdown, model, summary: `${report.summary}\n${line}` }
}
