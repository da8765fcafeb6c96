/**
 * The source documents the model comes from, as shipped in the repository's
 * `docs/sources/` folder. Citations name a document by its title, with a
 * section and lines; this list is how code checks that a title is one of them
 * and finds the text to check a quote against. The folder's README gives
 * each document's owner, date and status.
 *
 * @module
 */
import { guard } from "./internal/guard.js"

/**
 * A source document: the title to cite it by and its text file under `docs/sources/`.
 * @category models
 */
export interface Document {
  readonly title: string
  readonly file: string
}

/**
 * Every source document, in the order of `docs/sources/README.md`.
 * @category models
 */
export const documents: ReadonlyArray<Document> = [
  { title: "Mestringsenhetens modell for aktivitet", file: "mestringsenhetens-modell-for-aktivitet.txt" },
  {
    title: "Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College",
    file: "resultatvurdering-mestringsenheten-2021.txt",
  },
  {
    title: "Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist",
    file: "evalueringsplan-optimist-nav-trysil.txt",
  },
  { title: "Psykisk helsearbeid for voksne", file: "psykisk-helsearbeid-for-voksne-sandnes.txt" },
  {
    title: "Kommunale lærings- og mestringstjenester – smakebiter på samhandling",
    file: "kommunale-laerings-og-mestringstjenester.txt",
  },
]

/**
 * The titles citations may name.
 * @category models
 */
export const titles: ReadonlyArray<string> = documents.map((d) => d.title)

/**
 * The document with this title, or undefined.
 * @example
 * Sources.byTitle("Mestringsenhetens modell for aktivitet")?.file // "mestringsenhetens-modell-for-aktivitet.txt"
 * @category constructors
 */
export const byTitle = guard(
  "Sources.byTitle",
  { en: "(title: string)", nb: "(title: string)" },
  (title: string): Document | undefined => documents.find((d) => d.title === title),
)
