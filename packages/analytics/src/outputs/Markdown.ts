/**
 * A report as a Markdown summary: headline figures, each indicator's table
 * and the evaluation-plan draft, for issue trackers, wikis and e-mail.
 * Every text is escaped as the HTML report escapes it (names, themes and
 * titles come from the records and the caller), so nothing in it becomes
 * HTML, a link, an image or a table column.
 *
 * @module
 */
import * as EvaluationPlan from "../EvaluationPlan.js"
import { guard } from "../internal/boundary.js"
import { formatMeasure } from "../internal/format.js"
import { escapeMarkdown as md } from "../internal/markdown.js"
import { requireModel } from "../internal/modelShape.js"
import { displayRows } from "../internal/order.js"
import { bi } from "../internal/text.js"
import * as Labels from "../Labels.js"
import type { Model } from "./ReportModel.js"
import { texts } from "../internal/texts.js"
import { describeProfile, periodText } from "../internal/words.js"

/**
 * Writes a report model as Markdown.
 * @example
 * const md = Markdown.render(model)
 * @category outputs
 */
export const render = guard("Markdown.render", bi("en rapportmodell (Report.model)", "a report model (Report.model)"), (model: Model): string => {
  const { lang } = requireModel("Markdown.render", model)
  const out: Array<string> = [`# ${md(model.title)}`, "", md(periodText(model.period, lang)), "", `## ${md(texts.summary[lang])}`, ""]
  for (const h of model.headlines) out.push(`- **${md(h.label[lang])}:** ${md(h.value)}`)
  for (const s of model.sections) {
    const { indicator, by } = s.table
    const { numerator, denominator } = indicator.definition
    out.push("", `## ${md(indicator.name[lang])}`, "", `${md(numerator[lang])}${denominator === null ? "" : ` / ${md(denominator[lang])}`}.`, "")
    out.push(`| ${[...by.map((d) => Labels.dimension(d, lang)), ...indicator.measures.map((m) => m.label[lang])].map(md).join(" | ")} |`)
    out.push(`|${[...by, ...indicator.measures].map(() => "---").join("|")}|`)
    for (const { row: r, hidden } of displayRows(s.table, lang)) {
      const values = [...by.map((d) => Labels.value(d, r[d], lang)), ...indicator.measures.map((m) => formatMeasure(m, r[m.column], lang, hidden(m.column)))]
      out.push(`| ${values.map(md).join(" | ")} |`)
    }
  }
  out.push("", `## ${md(texts.plan[lang])}`, "", EvaluationPlan.toMarkdown(model.plan, lang).trimEnd())
  out.push("", `## ${md(texts.privacy[lang])}`, "", md(describeProfile(model.profile, model.hidden, lang)), "", `${md(texts.suppressed[lang])}  `, md(texts.missing[lang]), "")
  return out.join("\n")
})
