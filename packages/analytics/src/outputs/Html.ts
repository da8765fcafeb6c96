/**
 * A report as one self-contained HTML file: inline CSS, charts as inline
 * SVG, no scripts and nothing fetched from the network.
 *
 * @module
 */
import { Citation } from "@aktivitetsmodell/core"
import * as EvaluationPlan from "../EvaluationPlan.js"
import { guard } from "../internal/boundary.js"
import { formatMeasure, notApplicable } from "../internal/format.js"
import { requireModel } from "../internal/modelShape.js"
import { displayRows } from "../internal/order.js"
import type { Lang } from "../internal/text.js"
import { texts } from "../internal/texts.js"
import { describeProfile, periodText } from "../internal/words.js"
import * as Labels from "../Labels.js"
import * as Provenance from "../Provenance.js"
import { assertNone } from "../privacy/Identifiers.js"
import * as Rejected from "./Rejected.js"
import type { Grid, Model, Section } from "./ReportModel.js"
import { escapeXml as esc } from "./Svg.js"

const style = `
body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #1f5f8b;padding-bottom:.2rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}tr.total td{font-weight:bold;border-top:2px solid #999}
td.hidden{color:#888}td.na{color:#666;font-style:italic}.def{font-size:.9rem;color:#444}.summary dl{display:grid;grid-template-columns:auto auto;gap:.2rem 1.5rem}
.summary dt{color:#555}.summary dd{margin:0;font-weight:bold}table.plan td{text-align:left}figure{margin:1rem 0}
.provenance{display:grid;grid-template-columns:auto 1fr;gap:.1rem 1rem;font-size:.85rem;color:#444}.provenance dd{margin:0;overflow-wrap:anywhere}
.synthetic{background:#fff3cd;border:1px solid #c9a227;padding:.4rem .7rem;font-weight:bold}footer{margin-top:3rem;border-top:1px solid #ccc;font-size:.85rem;color:#444}
@media print{h2{page-break-before:auto}section{page-break-inside:avoid}p.synthetic.every-page{position:fixed;bottom:0;left:0;right:0;margin:0;font-size:.75rem}}`

const indicatorTable = (section: Section, lang: Lang, which: "table" | "monthly"): string => {
  const published = which === "table" ? section.table : section.monthly!
  const { indicator, by } = published
  const rows = displayRows(published, lang)
  const head = [...by.map((d) => Labels.dimension(d, lang)), ...indicator.measures.map((m) => m.label[lang])]
  const body = rows
    .map(({ row: r, hidden, notApplicable: na }) => {
      const isTotal = by.some((d) => r[d] === "(total)")
      const dims = by.map((d) => `<td>${esc(Labels.value(d, r[d], lang))}</td>`)
      const cells = indicator.measures.map((m) =>
        na
          ? `<td class="na">${esc(notApplicable(lang))}</td>`
          : `<td${hidden(m.column) ? ' class="hidden" title="skjermet / suppressed"' : ""}>${esc(formatMeasure(m, r[m.column], lang, hidden(m.column)))}</td>`,
      )
      return `<tr${isTotal ? ' class="total"' : ""}>${[...dims, ...cells].join("")}</tr>`
    })
    .join("\n")
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

const gridTable = (grid: Grid, lang: Lang): string =>
  `<h3>${esc(grid.title[lang])}</h3><table><thead><tr><th>${esc(grid.rowHeading[lang])}</th>${grid.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>` +
  grid.rows
    .map(
      (r) =>
        `<tr><td>${esc(r.label)}</td>${r.cells.map((c) => `<td${c === ":" ? ' class="hidden"' : ""}>${esc(c)}</td>`).join("")}</tr>`,
    )
    .join("") +
  `</tbody></table>${grid.note === null ? "" : `<p class="def">${esc(grid.note[lang])}</p>`}`

/**
 * Writes a report model as a self-contained HTML document. Every text is
 * escaped; the charts of `model.charts` and `model.statistics.chart` are SVG
 * that buildReport drew and go in as they are.
 * @example
 * const html = Html.render(model)
 * @category outputs
 */
export const render = guard(
  "Html.render",
  { nb: "en rapportmodell (Report.model)", en: "a report model (Report.model)" },
  (model: Model): string => {
    const { lang, plan: checkedPlan } = requireModel("Html.render", model)
    const t = (k: keyof typeof texts) => esc(texts[k][lang])
    const sections = model.sections
      .map((s) => {
        const d = s.indicator.definition
        const charts = model.charts.get(s.indicator.id)
        return `<section id="${esc(s.indicator.id)}">
<h2>${esc(s.indicator.name[lang])}</h2>
<p class="def"><strong>${t("numerator")}:</strong> ${esc(d.numerator[lang])}${d.denominator === null ? "" : ` <strong>${t("denominator")}:</strong> ${esc(d.denominator[lang])}`} <strong>${t("unit")}:</strong> ${esc(d.unit[lang])}. <strong>${t("period")}:</strong> ${esc(d.period[lang])}.${d.note === undefined ? "" : ` ${esc(d.note[lang])}`}<br><strong>${t("source")}:</strong> ${esc(Citation.format(s.indicator.seed, lang))}: «${esc(s.indicator.seed.fact[lang])}»</p>
${s.missing === undefined ? "" : `<p class="missing"><strong>${esc(s.missing[lang])}</strong></p>\n`}${charts === undefined ? "" : `<figure>${charts.bars}</figure>`}
${indicatorTable(s, lang, "table")}
${s.monthly === null ? "" : `<h3>${t("byMonth")}</h3>${charts?.months === null || charts === undefined ? "" : `<figure>${charts.months}</figure>`}${indicatorTable(s, lang, "monthly")}`}
</section>`
      })
      .join("\n")
    const statistics =
      model.statistics === null
        ? ""
        : `<section id="statistics"><h2>${t("statistics")}</h2><figure>${model.statistics.chart}</figure>${model.statistics.grids.map((g) => gridTable(g, lang)).join("")}</section>`
    const rc =
      model.recoveryCollege === null
        ? ""
        : `<section id="recovery-college"><h2>${t("recoveryCollege")}</h2>${model.recoveryCollege.map((g) => gridTable(g, lang)).join("")}</section>`
    const toc = [
      ...model.sections.map((s) => `<li><a href="#${esc(s.indicator.id)}">${esc(s.indicator.name[lang])}</a></li>`),
      ...(model.statistics === null ? [] : [`<li><a href="#statistics">${t("statistics")}</a></li>`]),
      ...(model.recoveryCollege === null ? [] : [`<li><a href="#recovery-college">${t("recoveryCollege")}</a></li>`]),
      `<li><a href="#plan">${t("plan")}</a></li>`,
      `<li><a href="#privacy">${t("privacy")}</a></li>`,
    ].join("")
    const h = EvaluationPlan.headings
    const plan = `<section id="plan"><h2>${t("plan")}</h2><p class="def">${t("planNote")}</p><table class="plan"><thead><tr><th>${esc(h.measure[lang])}</th><th>${esc(h.assessment[lang])}</th><th>${esc(h.continue[lang])}</th><th>${esc(h.who[lang])}</th></tr></thead><tbody>${checkedPlan.rows
      .map(
        (r) =>
          `<tr><td>${esc(r.measure[lang])}</td><td>${esc(r.assessment[lang])}</td><td>${esc(EvaluationPlan.continueLabels[r.continue][lang])}</td><td>${esc(r.who[lang])}</td></tr>`,
      )
      .join("")}</tbody></table></section>`
    const { provenance } = model
    // A synthetic report says so at the top, in the footer and, printed, at the foot of every page.
    const synthetic = provenance.synthetic
      ? `<p class="synthetic" role="note">${esc(Provenance.syntheticNotice[lang])}</p>`
      : ""
    const fields = Provenance.fields(provenance, lang)
      .map(
        (f) =>
          `<dt>${esc(f.label)}</dt><dd>${f.key === "generatedAt" ? `<time datetime="${esc(provenance.generatedAt)}">${esc(f.value)}</time>` : esc(f.value)}</dd>`,
      )
      .join("")
    const privacy = `<section id="privacy"><h2>${t("privacy")}</h2><p>${esc(describeProfile(model.profile, model.hidden, lang))}</p><h3>${t("symbols")}</h3><p>${t("suppressed")}<br>${t("missing")}<br>${t("notApplicable")}<br>${t("irrelevant")}</p></section>`
    const html = `<!doctype html>
<html lang="${lang === "nb" ? "nb" : "en"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(model.title)}${provenance.synthetic ? ` (${esc(Provenance.syntheticLabel[lang].toLowerCase())})` : ""}</title><style>${style}</style></head>
<body>
<header><h1>${esc(model.title)}</h1><p>${esc(periodText(model.period, lang))}</p>${synthetic}<dl class="provenance">${fields}</dl></header>
<section class="summary"><h2>${t("summary")}</h2><dl>${model.headlines.map((x) => `<dt>${esc(x.label[lang])}</dt><dd>${esc(x.value)}</dd>`).join("")}</dl></section>
<nav><h2>${t("contents")}</h2><ol>${toc}</ol></nav>
${model.rejected === undefined ? "" : Rejected.toHtml(model.rejected, lang, model.profile)}
${sections}
${statistics}
${rc}
${plan}
${privacy}
<footer><p>${esc(Provenance.line(provenance, lang))}</p>${synthetic.replace('class="synthetic"', 'class="synthetic every-page"')}</footer>
</body>
</html>
`
    // The model's texts are the caller's to change: the page is checked as the report's files are.
    assertNone(html, "Html.render")
    return html
  },
)
