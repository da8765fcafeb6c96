/**
 * What reading the input found before any indicator was computed: per file,
 * how many records it held and how many were valid or rejected, and every
 * rejected record and broken invariant with its file, the line the record
 * starts on and its position in the file (both counted from 1). Written as a
 * report section (HTML, Markdown) and as `rejected.csv` for the analyst.
 *
 * Every text passes through core's redaction, and pseudonyms are masked: the
 * section is part of a report that may be shared.
 *
 * @module
 */
import { Dataset, Redact } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { isRecord, reject, requireArray, requireLang } from "../internal/checks.js"
import { formatNumber } from "../internal/format.js"
import { escapeMarkdown as md } from "../internal/markdown.js"
import type { Bilingual, Lang } from "../internal/text.js"
import { escapeXml as esc } from "./Svg.js"

/**
 * One finding: a problem of a rejected record (`rejected`), a broken
 * invariant of a valid one (`violation`), or a problem with a file as a
 * whole, such as an empty file (`file`).
 * @category models
 */
export interface Entry {
  readonly kind: "rejected" | "violation" | "file"
  /** The file's name as the folder shows it. */
  readonly file: string
  readonly entity: string
  /** The line the record starts on, from 1; null where the format has no lines (Arrow). */
  readonly line: number | null
  /** The record's position in its file, from 1; null for a problem with the file as a whole. */
  readonly record: number | null
  /** The field inside the record, such as `goal.text`; empty for the whole record. */
  readonly field: string
  /** The invariant's code for a violation; empty otherwise. */
  readonly code: string
  readonly message: Bilingual
}

/**
 * Records read from one file: `valid + rejected = records`, always.
 * @category models
 */
export interface FileCount {
  readonly file: string
  readonly entity: string
  readonly records: number
  readonly valid: number
  readonly rejected: number
}

/**
 * The section: every file read and every finding.
 * @category models
 */
export interface Section {
  readonly files: ReadonlyArray<FileCount>
  readonly entries: ReadonlyArray<Entry>
  /** Entities with no file, taken from the shipped catalogue (offerings, departments). */
  readonly fromCatalogue?: ReadonlyArray<string>
}

/** How many findings the report shows; rejected.csv has them all. */
export const shownInReport = 200

// A pseudonym (32 hex digits) is an identifier; the report check refuses one.
const pseudonym = /(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])/gu
const mask = { nb: "[pseudonym]", en: "[pseudonym]" }

/** A text as the section shows it: identity numbers redacted, pseudonyms masked. */
const clean = (s: string, lang: Lang): string => Redact.text(s).replace(pseudonym, mask[lang])

const kinds: Readonly<Record<Entry["kind"], Bilingual>> = {
  rejected: { nb: "avvist post", en: "rejected record" },
  violation: { nb: "regelbrudd", en: "rule broken" },
  file: { nb: "filen", en: "the file" },
}

const requireSection = (name: string, u: unknown): Section => {
  if (!isRecord(u))
    return reject(name, { nb: "avsnittet må være { files, entries }", en: "the section must be { files, entries }" })
  requireArray(name, "section.files", u.files)
  if (
    u.fromCatalogue !== undefined &&
    !requireArray(name, "section.fromCatalogue", u.fromCatalogue).every((x) => typeof x === "string")
  ) {
    reject(name, {
      nb: "section.fromCatalogue må være en liste med enhetsnavn",
      en: "section.fromCatalogue must be a list of entity names",
    })
  }
  const entries = requireArray(name, "section.entries", u.entries)
  const ok = entries.every(
    (e) =>
      isRecord(e) &&
      Object.hasOwn(kinds, e.kind as string) &&
      typeof e.file === "string" &&
      typeof e.entity === "string" &&
      typeof e.field === "string" &&
      typeof e.code === "string" &&
      (e.line === null || typeof e.line === "number") &&
      (e.record === null || typeof e.record === "number") &&
      isRecord(e.message) &&
      typeof e.message.nb === "string" &&
      typeof e.message.en === "string",
  )
  if (!ok)
    reject(name, {
      nb: "hver linje må være { kind, file, entity, line, record, field, code, message: { nb, en } }",
      en: "each entry must be { kind, file, entity, line, record, field, code, message: { nb, en } }",
    })
  return u as unknown as Section
}

/**
 * Totals over the files: records read, valid, rejected, and the broken invariants.
 * @example
 * Rejected.totals(section) // { records: 412, valid: 409, rejected: 3, violations: 1 }
 * @category outputs
 */
export const totals = guard(
  "Rejected.totals",
  { nb: "et avsnitt { files, entries }", en: "a section { files, entries }" },
  (section: Section) => {
    const s = requireSection("Rejected.totals", section)
    const sum = (k: "records" | "valid" | "rejected") => s.files.reduce((a, f) => a + f[k], 0)
    return {
      records: sum("records"),
      valid: sum("valid"),
      rejected: sum("rejected"),
      violations: s.entries.filter((e) => e.kind === "violation").length,
    }
  },
)

const unknownColumn = { nb: "(ukjent kolonne)", en: "(unknown column)" }

// A rejected record's field as the outputs show it. A field the entity has is shown;
// so are the reader's own names for a cell ("column 6") and the header row.
// Any other name is a column heading someone wrote, free text that may name
// a person, so it is not shown.
const fieldOf = (e: Entry, lang: Lang): string => {
  if (e.field === "") return ""
  // A broken rule names a field of the package's own invariants, never a heading.
  if (e.kind !== "rejected") return clean(e.field, lang)
  const column = /^column (\d+)$/u.exec(e.field)
  if (column !== null) return lang === "nb" ? `kolonne ${column[1]}` : e.field
  if (e.field === "header") return lang === "nb" ? "overskriftsraden" : e.field
  // Every part must be the entity's: `goal.Kari Nordmann` has a known first part and a heading after it.
  return Dataset.isField(e.entity as Dataset.EntityName, e.field) ? clean(e.field, lang) : unknownColumn[lang]
}

// Where a finding is, unchecked: for the outputs below, which check their input once.
const whereOf = (e: Entry, lang: Lang): string => {
  const file = e.file === "" ? (lang === "nb" ? "(dataene)" : "(the data)") : clean(e.file, lang)
  const at = `${file}${e.line === null ? "" : `:${e.line}`}`
  const record = e.record === null ? "" : lang === "nb" ? `, post ${e.record}` : `, record ${e.record}`
  const name = fieldOf(e, lang)
  const field = name === "" ? "" : lang === "nb" ? `, felt ${name}` : `, field ${name}`
  return `${at}${record}${field}`
}

const entryExpected = {
  nb: "en post { file, line, record, field, code, message } og et språk (nb eller en)",
  en: "an entry { file, line, record, field, code, message } and a language (nb or en)",
}

/**
 * Where a finding is, as a person reads it: `citizens.csv:14, post 13, felt birthYear`.
 * @example
 * Rejected.where(entry, "en") // "citizens.csv:14, record 13, field birthYear"
 * @category outputs
 */
export const where = guard("Rejected.where", entryExpected, (e: Entry, lang: Lang): string =>
  whereOf(e, requireLang("Rejected.where", lang)),
)

const lineOf = (e: Entry, lang: Lang): string =>
  `${whereOf(e, lang)}: ${e.code === "" ? "" : `[${clean(e.code, lang)}] `}${clean(e.message[lang], lang)}`.replace(
    /[\r\n\u2028\u2029]+/gu,
    " ",
  )

/**
 * One finding as one line, in one language.
 * @example
 * Rejected.line(entry, "nb") // "citizens.csv:14, post 13, felt birthYear: Forventet et heltall"
 * @category outputs
 */
export const line = guard("Rejected.line", entryExpected, (e: Entry, lang: Lang): string =>
  lineOf(e, requireLang("Rejected.line", lang)),
)

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with "'" instead.
const csvText = (s: string): string => {
  const safe = /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe
}

const csvHeadings = ["file", "line", "record", "entity", "kind", "field", "code", "message"] as const

// Every output of a section takes the same arguments, checked the same way.
const output = (name: string, render: (s: Section, lang: Lang) => string) =>
  guard(
    name,
    {
      nb: "et avsnitt { files, entries } og et språk (nb eller en)",
      en: "a section { files, entries } and a language (nb or en)",
    },
    (section: Section, lang: Lang): string => render(requireSection(name, section), requireLang(name, lang)),
  )

/**
 * Every finding as CSV, one a row, with the message in one language:
 * `file,line,record,entity,kind,field,code,message`. A cell that a
 * spreadsheet would read as a formula is written with a leading `'`.
 * @example
 * await writeFile("out/rejected.csv", Rejected.toCsv(section, "nb"))
 * @category outputs
 */
export const toCsv: (section: Section, lang: Lang) => string = output("Rejected.toCsv", (s, lang) => {
  const rows = s.entries.map((e) =>
    [
      csvText(clean(e.file, lang)),
      e.line ?? "",
      e.record ?? "",
      csvText(clean(e.entity, lang)),
      e.kind,
      csvText(fieldOf(e, lang)),
      csvText(clean(e.code, lang)),
      csvText(clean(e.message[lang], lang)),
    ].join(","),
  )
  return `${[csvHeadings.join(","), ...rows].join("\n")}\n`
})

const headings = {
  title: { nb: "Innlesing: avviste poster og regelbrudd", en: "Input: rejected records and broken rules" },
  file: { nb: "Fil", en: "File" },
  entity: { nb: "Enhet", en: "Entity" },
  records: { nb: "Poster", en: "Records" },
  valid: { nb: "Gyldige", en: "Valid" },
  rejected: { nb: "Avvist", en: "Rejected" },
  where: { nb: "Hvor", en: "Where" },
  kind: { nb: "Hva", en: "What" },
  message: { nb: "Melding", en: "Message" },
}

const summary = (s: Section, lang: Lang): string => {
  const t = totals(s)
  const n = (x: number) => formatNumber(x, lang)
  const catalogue = s.fromCatalogue ?? []
  const text =
    lang === "nb"
      ? `${n(t.records)} poster lest: ${n(t.valid)} gyldige og ${n(t.rejected)} avvist. ${n(t.violations)} brudd på modellens regler blant de gyldige. Indikatorene er regnet av de gyldige postene; alt som er avvist, står i rejected.csv.`
      : `${n(t.records)} records read: ${n(t.valid)} valid and ${n(t.rejected)} rejected. Rules of the model broken by the valid ones: ${n(t.violations)}. The indicators are computed from the valid records; everything rejected is in rejected.csv.`
  if (catalogue.length === 0) return text
  return lang === "nb"
    ? `${text} Uten egen fil, fra den innebygde katalogen: ${clean(catalogue.join(", "), lang)}.`
    : `${text} With no file of their own, from the shipped catalogue: ${clean(catalogue.join(", "), lang)}.`
}

const more = (s: Section, lang: Lang): string | null => {
  const left = s.entries.length - shownInReport
  if (left <= 0) return null
  return lang === "nb"
    ? `… og ${formatNumber(left, lang)} til; alle står i rejected.csv.`
    : `… and ${formatNumber(left, lang)} more; all are in rejected.csv.`
}

/**
 * The section as Markdown: the files with their counts, then the findings.
 * @example
 * Rejected.toMarkdown(section, "nb")
 * @category outputs
 */
export const toMarkdown: (section: Section, lang: Lang) => string = output("Rejected.toMarkdown", (s, lang) => {
  const h = (k: keyof typeof headings) => md(headings[k][lang])
  const out = [
    `## ${h("title")}`,
    "",
    md(summary(s, lang)),
    "",
    `| ${h("file")} | ${h("entity")} | ${h("records")} | ${h("valid")} | ${h("rejected")} |`,
    "|---|---|---|---|---|",
  ]
  for (const f of s.files)
    out.push(
      `| ${md(clean(f.file, lang))} | ${md(clean(f.entity, lang))} | ${formatNumber(f.records, lang)} | ${formatNumber(f.valid, lang)} | ${formatNumber(f.rejected, lang)} |`,
    )
  if (s.entries.length > 0) {
    out.push("", `| ${h("where")} | ${h("kind")} | ${h("message")} |`, "|---|---|---|")
    for (const e of s.entries.slice(0, shownInReport))
      out.push(
        `| ${md(whereOf(e, lang))} | ${md(kinds[e.kind][lang])}${e.code === "" ? "" : ` (${md(clean(e.code, lang))})`} | ${md(clean(e.message[lang], lang))} |`,
      )
    const rest = more(s, lang)
    if (rest !== null) out.push("", md(rest))
  }
  return `${out.join("\n")}\n`
})

/**
 * The section as HTML (`<section id="input">`), every text escaped.
 * @example
 * Rejected.toHtml(section, "en")
 * @category outputs
 */
export const toHtml: (section: Section, lang: Lang) => string = output("Rejected.toHtml", (s, lang) => {
  const h = (k: keyof typeof headings) => esc(headings[k][lang])
  const files = s.files
    .map(
      (f) =>
        `<tr><td>${esc(clean(f.file, lang))}</td><td>${esc(clean(f.entity, lang))}</td><td>${formatNumber(f.records, lang)}</td><td>${formatNumber(f.valid, lang)}</td><td>${formatNumber(f.rejected, lang)}</td></tr>`,
    )
    .join("")
  const entries = s.entries
    .slice(0, shownInReport)
    .map(
      (e) =>
        `<tr><td>${esc(whereOf(e, lang))}</td><td>${esc(kinds[e.kind][lang])}${e.code === "" ? "" : ` (${esc(clean(e.code, lang))})`}</td><td>${esc(clean(e.message[lang], lang))}</td></tr>`,
    )
    .join("")
  const rest = more(s, lang)
  return (
    `<section id="input"><h2>${h("title")}</h2><p>${esc(summary(s, lang))}</p>` +
    `<table><thead><tr><th>${h("file")}</th><th>${h("entity")}</th><th>${h("records")}</th><th>${h("valid")}</th><th>${h("rejected")}</th></tr></thead><tbody>${files}</tbody></table>` +
    (s.entries.length === 0
      ? ""
      : `<table class="plan"><thead><tr><th>${h("where")}</th><th>${h("kind")}</th><th>${h("message")}</th></tr></thead><tbody>${entries}</tbody></table>`) +
    (rest === null ? "" : `<p>${esc(rest)}</p>`) +
    "</section>"
  )
})
