/**
 * Labels a person reads for dimension values: offering and department names,
 * category names, months, feedback sources, in bokmål or English.
 *
 * @module
 */
import { Catalogue, Category } from "@aktivitetsmodell/core"
import { type Dimension, labels as dimensionLabels, TOTAL, UNKNOWN } from "./Dimension.js"
import { bi, type Bilingual, type Lang } from "./internal/text.js"

export type { Lang }

const months: Record<Lang, ReadonlyArray<string>> = {
  nb: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

const sources: Record<string, Bilingual> = {
  employee: bi("Ansatte", "Employees"),
  citizen: bi("Innbyggere", "Citizens"),
  "experience-council": bi("Erfaringsråd", "Experience council")
}

/**
 * Names of offerings and departments to use instead of the catalogue's, for
 * another municipality's catalogue.
 * @category models
 */
export interface Names {
  readonly offerings?: Readonly<Record<string, Bilingual>>
  readonly departments?: Readonly<Record<string, Bilingual>>
}

let cached: Required<Names> | undefined
const catalogueNames = (): Required<Names> => {
  if (cached === undefined) {
    const c = Catalogue.sandnes()
    cached = {
      offerings: Object.fromEntries(c.offerings.map((o) => [o.id, bi(o.name, o.nameEn)])),
      departments: Object.fromEntries(c.departments.map((d) => [d.id, bi(d.name, d.nameEn)]))
    }
  }
  return cached
}

/**
 * The label of a dimension value, such as "Turgruppe" for `turgruppe` or
 * "mars 2024" for `2024-03`; totals read "Totalt" / "Total".
 * @example
 * Labels.value("month", "2024-03", "nb") // "mars 2024"
 * @category outputs
 */
export const value = (dimension: Dimension, raw: unknown, lang: Lang, names: Names = {}): string => {
  const v = String(raw)
  if (v === TOTAL) return lang === "nb" ? "Totalt" : "Total"
  if (v === UNKNOWN || raw === null) return lang === "nb" ? "Ukjent" : "Unknown"
  switch (dimension) {
    case "offering":
      return (names.offerings?.[v] ?? catalogueNames().offerings[v])?.[lang] ?? v
    case "department":
      return (names.departments?.[v] ?? catalogueNames().departments[v])?.[lang] ?? v
    case "category":
      return (Category.info as Record<string, { label: Bilingual } | undefined>)[v]?.label[lang] ?? v
    case "month": {
      const m = Number(v.slice(5, 7))
      return m >= 1 && m <= 12 ? `${months[lang][m - 1]} ${v.slice(0, 4)}` : v
    }
    case "source":
      return sources[v]?.[lang] ?? v
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
export const dimension = (d: Dimension, lang: Lang): string => dimensionLabels[d][lang]
