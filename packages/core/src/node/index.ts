/**
 * Node-only helpers: read records and catalogues from files. Kept apart from
 * the main entry so that `@aktivitetsmodell/core` stays browser-safe.
 *
 * @module
 */
import { readFile } from "node:fs/promises"
import * as Batch from "../Batch.js"
import * as Catalogue from "../Catalogue.js"
import type { EntityName } from "../Dataset.js"
import * as JsonText from "../JsonText.js"
import { csvToTrees } from "./csv.js"

/**
 * A file that could not be read as a whole (missing, or not JSON at all).
 * Record-level problems are not errors: they come back as rejections.
 * @category models
 */
export class FileError extends Error {
  readonly _tag = "FileError"
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly en: string,
    readonly nb: string
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${en} / ${nb}`)
    this.name = "FileError"
  }
}

const parseJson = (file: string, text: string) => {
  const parsed = JsonText.parse(text)
  if (!parsed.ok) {
    throw new FileError(file, parsed.line, `Not valid JSON: ${parsed.message.en} (column ${parsed.column})`, `Ikke gyldig JSON: ${parsed.message.nb} (kolonne ${parsed.column})`)
  }
  return parsed
}

/**
 * Decodes CSV text as records of an entity. Each rejection carries its record
 * index and the file line it starts on.
 * @example
 * readCsv("referrals", "id,citizenId,therapistId,offeringId,date\nr-1,…,s-2,turgruppe,2024-01-08\n")
 * @category constructors
 */
export const readCsv = <K extends EntityName>(entity: K, text: string) => {
  const { records, lines } = csvToTrees(entity, text)
  return Batch.decodeStrings(entity, records, { lines })
}

/**
 * Reads a CSV file of one entity.
 * @example
 * const { valid, rejected } = await loadCsvFile("attendance", "attendance.csv")
 * @category constructors
 */
export const loadCsvFile = async <K extends EntityName>(entity: K, file: string) => {
  try {
    return readCsv(entity, await readFile(file, "utf8"))
  } catch (e) {
    if (e instanceof FileError) throw e
    const msg = e instanceof Error ? e.message : String(e)
    throw new FileError(file, undefined, `Could not read the CSV file: ${msg}`, `Kunne ikke lese CSV-filen: ${msg}`)
  }
}

/**
 * Reads a JSON file holding an array of records of one entity.
 * @example
 * const { valid, rejected } = await loadJsonFile("citizens", "citizens.json")
 * @category constructors
 */
export const loadJsonFile = async <K extends EntityName>(entity: K, file: string) => {
  const data = parseJson(file, await readFile(file, "utf8")).value
  if (!Array.isArray(data)) {
    throw new FileError(file, 1, "Expected a JSON array of records", "Forventet en JSON-liste med poster")
  }
  return Batch.decodeEntity(entity, data)
}

/**
 * Reads and checks a catalogue file (the same format as the shipped one).
 * Throws a {@link Catalogue.CatalogueError} naming the file and line, the
 * entry and the field of each problem.
 * @example
 * const mine = await loadCatalogueFile("my-catalogue.json")
 * @category constructors
 */
export const loadCatalogueFile = async (file: string): Promise<Catalogue.Catalogue> => {
  const parsed = parseJson(file, await readFile(file, "utf8"))
  const r = Catalogue.decode(parsed.value)
  if (r.ok) return r.catalogue
  throw new Catalogue.CatalogueError(r.problems.map((p) => ({ ...p, file, line: JsonText.nearestLine(parsed, p.pointer) })))
}
