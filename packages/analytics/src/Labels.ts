/**
 * Labels a person reads for dimension values: offering and department names,
 * category names, KPR service types, months, feedback sources, in bokmål or
 * English.
 *
 * @module
 */
import { Catalogue, Category, Crosswalk } from "@aktivitetsmodell/core"
import { type Dimension, labels as dimensionLabels, TOTAL, UNKNOWN } from "./Dimension.js"
import { guard } from "./internal/boundary.js"
import { isRecord, own, reject, requireLang } from "./internal/checks.js"
import { requireBy } from "./internal/dimensionList.js"
import type { Bilingual, Lang as CoreLang } from "./internal/text.js"

/**
 * The report languages: core's one `Lang` (a type alias, not a re-export,
 * so that bundled type declarations keep it a type).
 * @category models
 */
export type Lang = CoreLang

const months: Record<Lang, ReadonlyArray<string>> = {
  nb: [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
}

// Maps and own keys throughout: a dimension value comes from the records, and
// "constructor" or "__proto__" must find no name rather than one inherited.
const sources = new Map<string, Bilingual>([
  ["employee", { nb: "Ansatte", en: "Employees" }],
  ["citizen", { nb: "Innbyggere", en: "Citizens" }],
  ["experience-council", { nb: "Erfaringsråd", en: "Experience council" }],
])

/**
 * Names of offerings and departments to use instead of the catalogue's, for
 * another municipality's catalogue.
 * @category models
 */
export interface Names {
  readonly offerings?: Readonly<Record<string, Bilingual>>
  readonly departments?: Readonly<Record<string, Bilingual>>
}

// Volven 9151 names its service types in bokmål only; both languages show that name.
let kprServices: ReadonlyMap<string, string> | undefined
const kprServiceName = (code: string): string | undefined => {
  if (kprServices === undefined)
    kprServices = new Map([...Crosswalk.reportable().values()].map((s) => [s.code, `${s.code} ${s.display}`]))
  return kprServices.get(code)
}

let cached:
  | { readonly offerings: ReadonlyMap<string, Bilingual>; readonly departments: ReadonlyMap<string, Bilingual> }
  | undefined
const catalogueNames = () => {
  if (cached === undefined) {
    const c = Catalogue.sandnes()
    cached = {
      offerings: new Map(c.offerings.map((o) => [o.id as string, { nb: o.name.nb, en: o.name.en }])),
      departments: new Map(c.departments.map((d) => [d.id as string, { nb: d.name.nb, en: d.name.en }])),
    }
  }
  return cached
}

// A caller's own name of a value, when it gives one as { nb, en }.
const given = (names: unknown, v: string): Bilingual | undefined => {
  if (names === undefined) return undefined
  if (!isRecord(names))
    return reject("Labels.value", {
      nb: "names.offerings og names.departments må være objekter med id → { nb, en }",
      en: "names.offerings and names.departments must be objects of id → { nb, en }",
    })
  const b = own(names, v)
  return isRecord(b) && typeof b.nb === "string" && typeof b.en === "string" ? (b as unknown as Bilingual) : undefined
}

const categories = Category.info as Readonly<Record<string, { readonly label: Bilingual } | undefined>>

/**
 * The label of a dimension value, such as "Turgruppe" for `turgruppe` or
 * "mars 2024" for `2024-03`; totals read "Totalt" / "Total".
 * @example
 * Labels.value("month", "2024-03", "nb") // "mars 2024"
 * @category outputs
 */
export const value = guard(
  "Labels.value",
  {
    nb: "en dimensjon, en verdi, et språk (nb eller en) og eventuelt { offerings?, departments? }",
    en: "a dimension, a value, a language (nb or en) and optionally { offerings?, departments? }",
  },
  (dimension: Dimension, raw: unknown, lang: Lang, names: Names = {}): string => {
    requireBy("Labels.value", [dimension])
    requireLang("Labels.value", lang)
    if (!isRecord(names))
      reject("Labels.value", {
        nb: "names må være { offerings?, departments? }",
        en: "names must be { offerings?, departments? }",
      })
    // A value is text, a number (a year) or missing; anything else has no label.
    if (raw !== null && raw !== undefined && typeof raw !== "string" && typeof raw !== "number") {
      reject("Labels.value", {
        nb: "verdien må være en tekst, et tall eller null",
        en: "the value must be a text, a number or null",
      })
    }
    return label(dimension, raw, lang, names)
  },
)

const label = (dimension: Dimension, raw: unknown, lang: Lang, names: Names): string => {
  const v = String(raw)
  if (v === TOTAL) return lang === "nb" ? "Totalt" : "Total"
  if (v === UNKNOWN || raw === null) return lang === "nb" ? "Ukjent" : "Unknown"
  switch (dimension) {
    case "offering":
      return (given(own(names, "offerings"), v) ?? catalogueNames().offerings.get(v))?.[lang] ?? v
    case "department":
      return (given(own(names, "departments"), v) ?? catalogueNames().departments.get(v))?.[lang] ?? v
    case "category":
      return (Object.hasOwn(categories, v) ? categories[v]?.label[lang] : undefined) ?? v
    case "month": {
      const m = Number(v.slice(5, 7))
      return m >= 1 && m <= 12 ? `${months[lang][m - 1]} ${v.slice(0, 4)}` : v
    }
    case "kprService":
      return kprServiceName(v) ?? v
    case "source":
      return sources.get(v)?.[lang] ?? v
    default:
      return v
  }
}

/**
 * The heading of a dimension column.
 * @example
 * Labels.dimension("offering", "en") // "Offering"
 * @category outputs
 */
export const dimension = guard(
  "Labels.dimension",
  { nb: "en dimensjon og et språk (nb eller en)", en: "a dimension and a language (nb or en)" },
  (d: Dimension, lang: Lang): string => {
    requireBy("Labels.dimension", [d])
    return dimensionLabels[d][requireLang("Labels.dimension", lang)]
  },
)
