/**
 * What reading the input found before any indicator was computed: per file,
 * how many records it held and how many were valid or rejected, and every
 * rejected record and broken invariant with its file, the line the record
 * starts on and its position in the file (both counted from 1).
 *
 * Two outputs, for two readers. The report's section (HTML, Markdown) is
 * published: it gives counts only (per file, and per kind of problem: a
 * field or a rule's code), suppressed by the report's profile as its tables
 * are, and never a finding's line, record, value or message, which may tell
 * of one person (an age on a date, a department) or quote a name written in
 * an id. `rejected.csv` ({@link toCsv}) lists every finding for the analyst
 * who mends the export; it is internal and is not to be published.
 *
 * Every text passes through core's redaction, and pseudonyms are masked.
 *
 * @module
 */
import { Dataset, Redact } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { isRecord, reject, requireArray, requireLang } from "../internal/checks.js"
import { formatNumber, SUPPRESSED } from "../internal/format.js"
import { type InputCounts, inputCounts, type Shown } from "../internal/inputCounts.js"
import { escapeMarkdown as md } from "../internal/markdown.js"
import type { Bilingual, Lang } from "../internal/text.js"
import { type Profile, requireProfile } from "../privacy/Profile.js"
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

/**
 * How many findings the report listed before it stopped listing them.
 * @deprecated The published section lists no finding; rejected.csv, for the analyst, has them all.
 */
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
  violating: { nb: "Med regelbrudd", en: "Breaking a rule" },
  kind: { nb: "Hva", en: "What" },
  problem: { nb: "Felt eller regel", en: "Field or rule" },
  problemRecords: { nb: "Poster med problemet", en: "Records with the problem" },
}

// A kind of problem as the published section names it: a field or a rule, never a message.
const kindKey = (e: Entry): string => (e.kind === "rejected" ? `field\u0000${fieldOf(e, "en")}` : `code\u0000${e.code}`)

const problemLabel = (e: Entry, lang: Lang): string => {
  if (e.kind === "file") return lang === "nb" ? "filen som helhet" : "the file as a whole"
  if (e.kind === "violation") return e.code === "" ? (lang === "nb" ? "(uten kode)" : "(no code)") : clean(e.code, lang)
  const name = fieldOf(e, lang)
  return name === ""
    ? lang === "nb"
      ? "hele posten"
      : "the whole record"
    : lang === "nb"
      ? `felt ${name}`
      : `field ${name}`
}

const fileLabel = (file: string, lang: Lang): string =>
  file === "" ? (lang === "nb" ? "(dataene)" : "(the data)") : clean(file, lang)

// A published count: hidden as the tables hide one; empty where no file counts it.
const count = (v: Shown | undefined, lang: Lang): string =>
  v === undefined ? "" : v === null ? SUPPRESSED : formatNumber(v, lang)

const summary = (c: InputCounts<Entry>, s: Section, lang: Lang): string => {
  const t = c.totals
  // In a sentence a hidden count is a word; the tables below use the symbol.
  const n = (v: Shown) => (v === null ? (lang === "nb" ? "skjermet" : "suppressed") : formatNumber(v, lang))
  const catalogue = s.fromCatalogue ?? []
  const text =
    lang === "nb"
      ? `Poster lest: ${n(t.records)}; gyldige: ${n(t.valid)}; avvist: ${n(t.rejected)}; gyldige poster med brudd på modellens regler: ${n(t.violating)}. Indikatorene er regnet av de gyldige postene. Tall som kan vise eller avsløre et lite antall personer, er skjermet som i tabellene (${SUPPRESSED}). Hver avvist post og hvert regelbrudd med fil, linje og melding står i en intern fil for analytikeren (rejected.csv), som ikke skal publiseres.`
      : `Records read: ${n(t.records)}; valid: ${n(t.valid)}; rejected: ${n(t.rejected)}; valid records breaking a rule of the model: ${n(t.violating)}. The indicators are computed from the valid records. Counts that would show or give away a small number of people are suppressed as in the tables (${SUPPRESSED}). Each rejected record and broken rule, with its file, line and message, is in an internal file for the analyst (rejected.csv), which is not to be published.`
  if (catalogue.length === 0) return text
  return lang === "nb"
    ? `${text} Uten egen fil, fra den innebygde katalogen: ${clean(catalogue.join(", "), lang)}.`
    : `${text} With no file of their own, from the shipped catalogue: ${clean(catalogue.join(", "), lang)}.`
}

// Every published rendering of a section takes the same arguments, checked the same way.
const published = (name: string, render: (s: Section, c: InputCounts<Entry>, lang: Lang) => string) =>
  guard(
    name,
    {
      nb: "et avsnitt { files, entries }, et språk (nb eller en) og en profil fra regelverket",
      en: "a section { files, entries }, a language (nb or en) and a profile from the policy",
    },
    (section: Section, lang: Lang, profile: Profile): string => {
      const s = requireSection(name, section)
      const l = requireLang(name, lang)
      // The range is the policy's: without a profile there is nothing to suppress by, so nothing is shown.
      if (profile === undefined)
        reject(name, {
          nb: "trenger profilen rapporten publiseres med (report.model.profile), fra regelverket",
          en: "needs the profile the report is published with (report.model.profile), from the policy",
        })
      return render(s, inputCounts(s, requireProfile(name, profile), kindKey), l)
    },
  )

/**
 * The section as a published report shows it, in Markdown: per file the
 * records read, valid, rejected and breaking a rule, then per kind of
 * problem (a field, a rule's code) the records that have it, every count
 * suppressed under `profile` as the report's tables are. No line, record,
 * value or message of a finding is shown: those are for the analyst, in
 * {@link toCsv}.
 * @example
 * Rejected.toMarkdown(section, "nb", report.model.profile)
 * @category outputs
 */
export const toMarkdown: (section: Section, lang: Lang, profile: Profile) => string = published(
  "Rejected.toMarkdown",
  (s, c, lang) => {
    const h = (k: keyof typeof headings) => md(headings[k][lang])
    const out = [
      `## ${h("title")}`,
      "",
      md(summary(c, s, lang)),
      "",
      `| ${h("file")} | ${h("entity")} | ${h("records")} | ${h("valid")} | ${h("rejected")} | ${h("violating")} |`,
      "|---|---|---|---|---|---|",
    ]
    for (const f of c.files)
      out.push(
        `| ${md(fileLabel(f.file, lang))} | ${md(clean(f.entity, lang))} | ${count(f.records, lang)} | ${count(f.valid, lang)} | ${count(f.rejected, lang)} | ${count(f.violating, lang)} |`,
      )
    if (c.problems.length > 0) {
      out.push("", `| ${h("file")} | ${h("kind")} | ${h("problem")} | ${h("problemRecords")} |`, "|---|---|---|---|")
      for (const p of c.problems)
        out.push(
          `| ${md(fileLabel(p.file, lang))} | ${md(kinds[p.kind][lang])} | ${md(problemLabel(p.example, lang))} | ${count(p.records, lang)} |`,
        )
    }
    return `${out.join("\n")}\n`
  },
)

/**
 * The section as a published report shows it, in HTML (`<section
 * id="input">`), every text escaped; what it holds is what
 * {@link toMarkdown} holds.
 * @example
 * Rejected.toHtml(section, "en", report.model.profile)
 * @category outputs
 */
export const toHtml: (section: Section, lang: Lang, profile: Profile) => string = published(
  "Rejected.toHtml",
  (s, c, lang) => {
    const h = (k: keyof typeof headings) => esc(headings[k][lang])
    const files = c.files
      .map(
        (f) =>
          `<tr><td>${esc(fileLabel(f.file, lang))}</td><td>${esc(clean(f.entity, lang))}</td><td>${count(f.records, lang)}</td><td>${count(f.valid, lang)}</td><td>${count(f.rejected, lang)}</td><td>${count(f.violating, lang)}</td></tr>`,
      )
      .join("")
    const problems = c.problems
      .map(
        (p) =>
          `<tr><td>${esc(fileLabel(p.file, lang))}</td><td>${esc(kinds[p.kind][lang])}</td><td>${esc(problemLabel(p.example, lang))}</td><td>${count(p.records, lang)}</td></tr>`,
      )
      .join("")
    return (
      `<section id="input"><h2>${h("title")}</h2><p>${esc(summary(c, s, lang))}</p>` +
      `<table><thead><tr><th>${h("file")}</th><th>${h("entity")}</th><th>${h("records")}</th><th>${h("valid")}</th><th>${h("rejected")}</th><th>${h("violating")}</th></tr></thead><tbody>${files}</tbody></table>` +
      (c.problems.length === 0
        ? ""
        : `<table class="plan"><thead><tr><th>${h("file")}</th><th>${h("kind")}</th><th>${h("problem")}</th><th>${h("problemRecords")}</th></tr></thead><tbody>${problems}</tbody></table>`) +
      "</section>"
    )
  },
)
