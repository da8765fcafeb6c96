/**
 * Where a report's figures come from and when it was made: the data source,
 * whether the data are synthetic, the period, the time it was generated, the
 * package versions and the fingerprint of the policy tree it was read
 * against. Every report output states it (HTML, Markdown, the console
 * summary, the long CSV and the JSON), so a figure that travels on its own
 * can still be traced.
 *
 * @module
 */
import { IsoDate, Redact } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { isRecord, optionsOf, reject, requireRecord } from "./internal/checks.js"
import type { Bilingual, Lang } from "./internal/text.js"
import { version } from "./internal/version.js"
import { dateRange, dateTime } from "./internal/words.js"

/**
 * A report's provenance.
 * @category models
 */
export interface Provenance {
  /** The data source as the caller names it (`aktivitet-report --source`, the input's own metadata), or null when none was given. */
  readonly source: string | null
  /** Generated data (core's `generate`): every output then says "syntetiske data" / "synthetic data". */
  readonly synthetic: boolean
  readonly period: { readonly from: string; readonly to: string }
  /** When the report was generated, ISO 8601 in UTC. */
  readonly generatedAt: string
  /** Package name → version, in name order. */
  readonly versions: Readonly<Record<string, string>>
  /**
   * The policy tree's SHA-256 (`PolicyTree.hash` from `@aktivitetsmodell/rules`)
   * in eight groups of eight hexadecimal digits joined by ":", or null when
   * not given. Grouped because a run of eleven digits in a plain hash can read
   * as a national identity number, and every output is checked for those.
   */
  readonly policyHash: string | null
}

/**
 * What a caller gives {@link make}: each optional. `generatedAt` defaults to
 * now (give it for a reproducible report); `versions` are added to this
 * package's own.
 * @category models
 */
export interface Input {
  readonly source?: string
  readonly synthetic?: boolean
  readonly generatedAt?: Date | string
  readonly versions?: Readonly<Record<string, string>>
  readonly policyHash?: string
}

const PACKAGE = "@aktivitetsmodell/analytics"

const name = "Provenance.make"

const instant = (u: unknown): string => {
  const d = u === undefined ? new Date() : u instanceof Date ? u : typeof u === "string" ? new Date(u) : undefined
  if (d === undefined || Number.isNaN(d.getTime()))
    reject(name, {
      nb: "generatedAt må være en Date eller en dato og tid etter ISO 8601",
      en: "generatedAt must be a Date or an ISO 8601 date and time",
    })
  return d!.toISOString()
}

// A source is named by whoever made the export: an identity number in it is masked wherever it is shown.
const masked = (s: string | null): string | null => (typeof s === "string" ? Redact.text(s) : s)

// A name, not a paragraph: one line, so it cannot break a table or a heading.
const oneLine = (u: unknown, what: string): string | null => {
  if (u === undefined) return null
  if (typeof u !== "string") return reject(name, { nb: `${what} må være en tekst`, en: `${what} must be a text` })
  const s = u.replace(/\s+/gu, " ").trim()
  return s === "" ? null : s
}

const grouped = (u: unknown): string | null => {
  if (u === undefined) return null
  const hex = typeof u === "string" ? u.toLowerCase().replace(/:/gu, "") : ""
  if (!/^[0-9a-f]{64}$/u.test(hex))
    reject(name, {
      nb: "policyHash må være en SHA-256 med 64 heksadesimale sifre (PolicyTree.hash)",
      en: "policyHash must be a SHA-256 of 64 hexadecimal digits (PolicyTree.hash)",
    })
  return hex.match(/.{8}/gu)!.join(":")
}

const versionsOf = (u: unknown): Record<string, string> => {
  const given = u === undefined ? {} : requireRecord(name, "options.versions", u)
  const all: Array<[string, string]> = [[PACKAGE, version]]
  for (const [k, v] of Object.entries(given)) {
    if (typeof v !== "string")
      reject(name, {
        nb: "options.versions må gi versjonen som tekst for hvert pakkenavn",
        en: "options.versions must map package names to version texts",
      })
    if (k !== PACKAGE) all.push([Redact.text(k), Redact.text((v as string).trim())])
  }
  return Object.fromEntries(all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * A report's provenance from its period and what the caller knows.
 * @example
 * Provenance.make({ from: "2024-01-01", to: "2024-12-31" }, { source: "Fagsystemet, uttrekk 10. januar 2025", generatedAt: "2025-01-10T08:00:00Z" })
 * @category constructors
 */
export const make = guard(
  name,
  {
    nb: "en periode { from, to } og { source?, synthetic?, generatedAt?, versions?, policyHash? }",
    en: "a period { from, to } and { source?, synthetic?, generatedAt?, versions?, policyHash? }",
  },
  (period: { readonly from: string; readonly to: string }, input: Input = {}): Provenance => {
    const p = requireRecord(name, "the period", period)
    if (!IsoDate.isIsoDate(p.from) || !IsoDate.isIsoDate(p.to))
      reject(name, {
        nb: "perioden må være { from, to } som ÅÅÅÅ-MM-DD",
        en: "the period must be { from, to } as YYYY-MM-DD",
      })
    const o = optionsOf(name, input)
    if (o.synthetic !== undefined && typeof o.synthetic !== "boolean")
      reject(name, { nb: "options.synthetic må være true eller false", en: "options.synthetic must be true or false" })
    return {
      source: masked(oneLine(o.source, "options.source")),
      synthetic: o.synthetic === true,
      period: { from: p.from as string, to: p.to as string },
      generatedAt: instant(o.generatedAt),
      versions: versionsOf(o.versions),
      policyHash: grouped(o.policyHash),
    }
  },
)

/**
 * What a synthetic report's data source and title say.
 * @category outputs
 */
export const syntheticLabel: Bilingual = { nb: "Syntetiske data", en: "Synthetic data" }

/**
 * The sentence every page of a synthetic report carries.
 * @category outputs
 */
export const syntheticNotice: Bilingual = {
  nb: "Syntetiske data: innbyggerne og tallene er generert, ikke hentet fra ekte journaler.",
  en: "Synthetic data: the citizens and figures are generated, not taken from real records.",
}

const notGiven = { nb: "ikke oppgitt", en: "not given" }

/**
 * The provenance as labelled fields in `lang`: data source, period,
 * generated, software, policy.
 * @example
 * Provenance.fields(report.provenance, "nb")[0] // { key: "source", label: "Datakilde", value: "Syntetiske data" }
 * @category outputs
 */
export const fields = guard(
  "Provenance.fields",
  {
    nb: "en proveniens fra Provenance.make og et språk (nb eller en)",
    en: "a provenance from Provenance.make and a language (nb or en)",
  },
  (
    p: Provenance,
    lang: Lang,
  ): ReadonlyArray<{
    readonly key: "source" | "period" | "generatedAt" | "versions" | "policyHash"
    readonly label: string
    readonly value: string
  }> => {
    if (!isRecord(p) || !isRecord(p.period) || !isRecord(p.versions) || (lang !== "nb" && lang !== "en")) {
      reject("Provenance.fields", {
        nb: "forventet en proveniens fra Provenance.make og nb eller en",
        en: "expected a provenance from Provenance.make and nb or en",
      })
    }
    const synthetic = syntheticLabel[lang]
    const given = masked(p.source)
    const source = p.synthetic ? (given === null ? synthetic : `${synthetic} (${given})`) : (given ?? notGiven[lang])
    return [
      { key: "source", label: lang === "nb" ? "Datakilde" : "Data source", value: source },
      { key: "period", label: lang === "nb" ? "Periode" : "Period", value: dateRange(p.period, lang) },
      { key: "generatedAt", label: lang === "nb" ? "Generert" : "Generated", value: dateTime(p.generatedAt, lang) },
      {
        key: "versions",
        label: lang === "nb" ? "Programvare" : "Software",
        value: Redact.text(
          Object.entries(p.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
        ),
      },
      {
        key: "policyHash",
        label: lang === "nb" ? "Regelverk (SHA-256)" : "Policy (SHA-256)",
        value: p.policyHash ?? notGiven[lang],
      },
    ]
  },
)

/**
 * The provenance as one line, for a footer or a console: "Datakilde: … · Periode: … · …".
 * @example
 * Provenance.line(report.provenance, "en")
 * @category outputs
 */
export const line = guard(
  "Provenance.line",
  {
    nb: "en proveniens fra Provenance.make og et språk (nb eller en)",
    en: "a provenance from Provenance.make and a language (nb or en)",
  },
  (p: Provenance, lang: Lang): string =>
    fields(p, lang)
      .map((f) => `${f.label}: ${f.value}`)
      .join(" · "),
)

/**
 * The provenance as columns a CSV row carries, so a file that travels on its
 * own still says where its figures come from. "dataSource", not "source":
 * `source` is a dimension (who gave feedback).
 * @example
 * Provenance.columns(report.provenance).dataSource
 * @category outputs
 */
export const columns = guard(
  "Provenance.columns",
  { nb: "en proveniens fra Provenance.make", en: "a provenance from Provenance.make" },
  (
    p: Provenance,
  ): {
    readonly dataSource: string | null
    readonly synthetic: boolean
    readonly generatedAt: string
    readonly versions: string
    readonly policyHash: string | null
  } => {
    if (
      !isRecord(p) ||
      typeof p.synthetic !== "boolean" ||
      typeof p.generatedAt !== "string" ||
      !isRecord(p.versions) ||
      !isRecord(p.period)
    ) {
      reject("Provenance.columns", {
        nb: "forventet det Provenance.make gir (report.provenance)",
        en: "expected what Provenance.make gives (report.provenance)",
      })
    }
    return {
      dataSource: masked(p.source),
      synthetic: p.synthetic,
      generatedAt: p.generatedAt,
      versions: Redact.text(
        Object.entries(p.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join("; "),
      ),
      policyHash: p.policyHash,
    }
  },
)
