// A code's name for a person. `Facts.codeLabel` names codes from a
// catalogue and core's category labels; the `decide` entry names them from
// a snapshot's copy of the same. Both read them here, so this module must
// not import the catalogue's schemas.
import type { Bilingual } from "@aktivitetsmodell/core"
import { own } from "./own.js"

/** The code lists facts take their values from; `Facts.FactType` names one for each text or list fact. */
export type Domain = "offering" | "category" | "department" | "offering-status" | "goal-reached" | "proposal-decision"

/** Something named in both languages, as a catalogue's offerings and departments are. */
export interface Named {
  readonly id: string
  readonly name: Bilingual
}

/** Where names of codes come from. */
export interface Names {
  readonly offerings: ReadonlyArray<Named>
  readonly departments: ReadonlyArray<Named>
  readonly categories: { readonly [category: string]: Bilingual }
}

const codeLabels: Record<string, Bilingual> = {
  active: { en: "active", nb: "aktivt" },
  transferred: { en: "transferred", nb: "overført" },
  discontinued: { en: "discontinued", nb: "avviklet" },
  yes: { en: "yes", nb: "ja" },
  partly: { en: "partly", nb: "delvis" },
  no: { en: "no", nb: "nei" },
  approved: { en: "approved", nb: "godkjent" },
  declined: { en: "declined", nb: "avslått" },
  pending: { en: "not decided", nb: "ikke avgjort" },
}

/** The name of the entry with this id, or the id itself when there is none. */
export const nameIn = (list: ReadonlyArray<Named>, id: string): Bilingual => {
  const x = list.find((n) => n.id === id)
  return x === undefined ? { en: id, nb: id } : { en: x.name.en, nb: x.name.nb }
}

/** A code's name: an offering's, a department's, a category's label, a fixed code's, or the code itself. */
export const labelOf = (domain: Domain, code: string, names: Names): Bilingual => {
  if (domain === "offering") return nameIn(names.offerings, code)
  if (domain === "department") return nameIn(names.departments, code)
  if (domain === "category") return own(names.categories, code) ?? { en: code, nb: code }
  return own(codeLabels, code) ?? { en: code, nb: code }
}
