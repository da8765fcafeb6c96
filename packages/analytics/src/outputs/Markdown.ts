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
import { formatMeasure, notApplicable } from "../internal/format.js"
import { escapeMarkdown as md } from "../internal/markdown.js"
import { requireModel } from "../internal/modelShape.js"
import { displayRows } from "../internal/order.js"

import { texts } from "../internal/texts.js"
import { describeProfile, periodText } from "../internal/words.js"
import * as Labels from "../Labels.js"
import * as Provenance from "../Provenance.js"
import { assertNone } from "../privacy/Identifiers.js"
import * as Rejected from "./Rejected.js"
import type { Model } from "./ReportModel.js"

/**
 * Writes a report model as Markdown.
 * @example
 * const md = Markdown.render(model)
 * @category outputs
 */
export const render = guard(
  "Markdown.render",
  { nb: "en rapportmodell (Report.model)", en: "a report model (Report.model)" },
  (model: Model): string => {
    const { lang, plan } = requireModel("Markdown.render", model)
    const { provenance } = model
    // A synthetic report says so first and last, whatever part of it is copied on.
    const synthetic = provenance.synthetic ? [`> ${md(Provenance.syntheticNotice[lang])}`, ""] : []
    const fields = Provenance.fields(provenance, lang).filter((f) => f.key !== "period")
    const out: Array<string> = [
      `# ${md(model.title)}`,
      "",
      ...synthetic,
      md(periodText(model.period, lang)),
      "",
      ...fields.map((f) => `- ${md(`${f.label}: ${f.value}`)}`),
      "",
      `## ${md(texts.summary[lang])}`,
      "",
    ]
    for (const h of model.headlines) out.push(`- **${md(h.label[lang])}:** ${md(h.value)}`)
    if (model.rejected !== undefined) out.push("", Rejected.toMarkdown(model.rejected, lang, model.profile).trimEnd())
    for (const s of model.sections) {
      const { indicator, by } = s.table
      const { numerator, denominator } = indicator.definition
      out.push(
        "",
        `## ${md(indicator.name[lang])}`,
        "",
        `${md(numerator[lang])}${denominator === null ? "" : ` / ${md(denominator[lang])}`}.`,
        "",
        ...(s.missing === undefined ? [] : [`**${md(s.missing[lang])}**`, ""]),
      )
      out.push(
        `| ${[...by.map((d) => Labels.dimension(d, lang)), ...indicator.measures.map((m) => m.label[lang])].map(md).join(" | ")} |`,
      )
      out.push(`|${[...by, ...indicator.measures].map(() => "---").join("|")}|`)
      for (const { row: r, hidden, notApplicable: na } of displayRows(s.table, lang)) {
        const values = [
          ...by.map((d) => Labels.value(d, r[d], lang)),
          ...indicator.measures.map((m) =>
            na ? notApplicable(lang) : formatMeasure(m, r[m.column], lang, hidden(m.column)),
          ),
        ]
        out.push(`| ${values.map(md).join(" | ")} |`)
      }
    }
    out.push("", `## ${md(texts.plan[lang])}`, "", EvaluationPlan.toMarkdown(plan, lang).trimEnd())
    out.push(
      "",
      `## ${md(texts.privacy[lang])}`,
      "",
      md(describeProfile(model.profile, model.hidden, lang)),
      "",
      `${md(texts.suppressed[lang])}  `,
      `${md(texts.missing[lang])}  `,
      md(texts.irrelevant[lang]),
      "",
    )
    out.push("---", "", md(Provenance.line(provenance, lang)), "", ...synthetic)
    const text = out.join("\n")
    // The model's texts are the caller's to change: the text is checked as the report's files are.
    assertNone(text, "Markdown.render")
    return text
  },
)
