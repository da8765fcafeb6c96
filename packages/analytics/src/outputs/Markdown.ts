/**
 * A report as a Markdown summary: headline figures, each indicator's table
 * and the evaluation-plan draft, for issue trackers, wikis and e-mail.
 *
 * @module
 */
import * as EvaluationPlan from "../EvaluationPlan.js"
import { formatMeasure } from "../internal/format.js"
import { displayOrder } from "../internal/order.js"
import * as Labels from "../Labels.js"
import type { Model } from "./ReportModel.js"
import { texts } from "../internal/texts.js"
import { describeRule, periodText } from "../internal/words.js"

const cell = (s: string) => s.replace(/\|/gu, "\\|").replace(/\r?\n/gu, " ")

/**
 * Writes a report model as Markdown.
 * @example
 * const md = Markdown.render(model)
 * @category outputs
 */
export const render = (model: Model): string => {
  const { lang } = model
  const out: Array<string> = [`# ${model.title}`, "", periodText(model.period, lang), "", `## ${texts.summary[lang]}`, ""]
  for (const h of model.headlines) out.push(`- **${cell(h.label[lang])}:** ${cell(h.value)}`)
  for (const s of model.sections) {
    const { indicator, by } = s.table
    out.push("", `## ${indicator.name[lang]}`, "", `${indicator.definition.numerator[lang]}${indicator.definition.denominator === null ? "" : ` / ${indicator.definition.denominator[lang]}`}.`, "")
    out.push(`| ${[...by.map((d) => Labels.dimension(d, lang)), ...indicator.measures.map((m) => m.label[lang])].map(cell).join(" | ")} |`)
    out.push(`|${[...by, ...indicator.measures].map(() => "---").join("|")}|`)
    for (const r of displayOrder(s.table.table.objects() as Array<Record<string, unknown>>, by, lang)) {
      const hidden = r.suppressed === "primary" || r.suppressed === "secondary"
      const values = [...by.map((d) => Labels.value(d, r[d], lang)), ...indicator.measures.map((m) => formatMeasure(m, r[m.column], lang, hidden))]
      out.push(`| ${values.map(cell).join(" | ")} |`)
    }
  }
  out.push("", `## ${texts.plan[lang]}`, "", EvaluationPlan.toMarkdown(model.plan, lang).trimEnd())
  out.push("", `## ${texts.privacy[lang]}`, "", describeRule(model.rule, model.hidden, lang), "", `${texts.suppressed[lang]}  `, texts.missing[lang], "")
  return out.join("\n")
}
