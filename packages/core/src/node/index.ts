/**
 * Node-only helpers: read records and catalogues from files. Kept apart from
 * the main entry so that `@aktivitetsmodell/core` stays browser-safe.
 *
 * @module
 */
import { readFile, stat } from "node:fs/promises"
import * as Batch from "../Batch.js"
import * as Catalogue from "../Catalogue.js"
import type { EntityName, entities } from "../Dataset.js"
import { decode as decodeBytes, type Encoding } from "../internal/csv/encoding.js"
import type { Bilingual } from "../internal/text.js"
import * as JsonText from "../JsonText.js"
import { ProblemsError } from "../ProblemsError.js"
import * as Redact from "../Redact.js"
import { csvRowStream, type FileProblem } from "./csv.js"

export type { Encoding } from "../internal/csv/encoding.js"
export type { FileProblem } from "./csv.js"
export { type LineOutput, type LineStream, lineOutput } from "./lineOutput.js"

type EntityType<K extends EntityName> = (typeof entities)[K]["Type"]

/**
 * A file that could not be read as a whole (missing, unreadable, or not JSON at
 * all). Record-level problems are not errors: they come back as rejections.
 * The message never shows a national identity number.
 * @category models
 */
export class FileError extends ProblemsError {
  override readonly name: string = "FileError"
  readonly file: string
  readonly line: number | undefined
  /**
   * @param file The file, as the caller named it.
   * @param text What is wrong with it, in both languages.
   * @param line Where in the file, counted from 1, when one line is at fault.
   */
  constructor(file: string, text: Bilingual, line?: number) {
    const name = typeof file === "string" ? file : Redact.show(file)
    const where = Redact.text(`${name}${line === undefined ? "" : `:${line}`}`)
    super(
      [{ code: "unreadable-file", pointer: "", file: name, ...(line === undefined ? {} : { line }), message: text }],
      text,
    )
    this.message = `${where}: ${this.en} / ${this.nb}`
    this.file = Redact.text(name)
    this.line = line
  }
}

/** The largest file the loaders read (a guard against exhausting memory). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

const parseJson = (file: string, text: string) => {
  const parsed = JsonText.parse(text)
  if (!parsed.ok) {
    throw new FileError(
      file,
      {
        en: `Not valid JSON: ${parsed.message.en} (column ${parsed.column})`,
        nb: `Ikke gyldig JSON: ${parsed.message.nb} (kolonne ${parsed.column})`,
      },
      parsed.line,
    )
  }
  return parsed
}

const readBytes = async (file: string): Promise<Uint8Array> => {
  if (typeof file !== "string")
    throw new FileError(String(typeof file), {
      en: "Expected a file path as text",
      nb: "Forventet en filsti som tekst",
    })
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new FileError(file, { en: "Not a regular file", nb: "Ikke en vanlig fil" })
    if (info.size > MAX_FILE_BYTES) {
      throw new FileError(file, {
        en: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; split it by period`,
        nb: `Filen er større enn ${MAX_FILE_BYTES / 1024 / 1024} MiB; del den opp etter periode`,
      })
    }
    return await readFile(file)
  } catch (e) {
    if (e instanceof FileError) throw e
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "unknown"
    throw new FileError(file, { en: `Could not read the file (${code})`, nb: `Kunne ikke lese filen (${code})` })
  }
}

/**
 * The outcome of reading a CSV export: a {@link Batch.BatchResult} where every
 * non-blank line is either a valid record or a rejection with the line it
 * starts on, plus what was found about the file as a whole.
 * @category models
 */
export interface CsvResult<A> extends Batch.BatchResult<A> {
  /** The encoding the bytes were read in (`utf-8` when text was given). */
  readonly encoding: Encoding
  /** The cell delimiter found in the header: `,`, `;` or a tab. */
  readonly delimiter: string
  /** Problems with the file as a whole: empty, or a header that rejects every row. */
  readonly fileProblems: ReadonlyArray<FileProblem>
  /** The line each record starts on, by record index (valid and rejected alike). */
  readonly lines: ReadonlyArray<number>
}

/**
 * Decodes CSV text as records of an entity. Never throws: each row is valid or
 * rejected with its record index, the line it starts on, the column or field,
 * and a message in both languages. Comma, semicolon and tab delimiters are
 * recognised from the header.
 * @example
 * readCsv("referrals", "id,citizenId,therapistId,offeringId,date\nr-1,…,s-2,turgruppe,2024-01-08\n")
 * @category constructors
 */
export const readCsv = <K extends EntityName>(
  entity: K,
  text: string,
  encoding: Encoding = "utf-8",
): CsvResult<EntityType<K>> => {
  const { rows, delimiter, problems } = csvRowStream(entity, typeof text === "string" ? text : "")
  const valid: Array<EntityType<K>> = []
  const rejected: Array<Batch.Rejected> = []
  // Decoded in chunks as rows are read, so a large file never holds every row's tree at once.
  let total = 0
  const lines: Array<number> = []
  let trees: Array<unknown> = []
  let at: Array<{ readonly index: number; readonly line: number }> = []
  const flush = () => {
    const decoded = Batch.decodeStrings(entity, trees, { lines: at.map((a) => a.line) })
    valid.push(...decoded.valid)
    for (const r of decoded.rejected) rejected.push({ ...r, index: at[r.index]!.index })
    trees = []
    at = []
  }
  for (const row of rows) {
    const index = total++
    lines.push(row.line)
    if (row.tree !== undefined) {
      trees.push(row.tree)
      at.push({ index, line: row.line })
      if (trees.length === 10_000) flush()
    } else rejected.push({ index, line: row.line, record: row.raw, problems: row.problems ?? [] })
  }
  flush()
  rejected.sort((a, b) => a.index - b.index)
  return { valid, rejected, total, encoding, delimiter, fileProblems: problems, lines }
}

/**
 * Decodes the bytes of a CSV export: UTF-8 with or without a byte-order mark,
 * UTF-16, or Windows-1252 (detected when the bytes are not UTF-8), so that
 * "Ålgård" stays "Ålgård". The encoding used is in the result.
 * @example
 * readCsvBytes("citizens", await readFile("citizens.csv")).encoding // "windows-1252"
 * @category constructors
 */
export const readCsvBytes = <K extends EntityName>(entity: K, bytes: Uint8Array): CsvResult<EntityType<K>> => {
  const { text, encoding } = decodeBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(0))
  return readCsv(entity, text, encoding)
}

/**
 * Reads a CSV file of one entity. Throws a {@link FileError} only when the file
 * cannot be read at all (missing, a folder, over {@link MAX_FILE_BYTES});
 * everything in it comes back as valid or rejected.
 * @example
 * const { valid, rejected } = await loadCsvFile("attendance", "attendance.csv")
 * @category constructors
 */
export const loadCsvFile = async <K extends EntityName>(entity: K, file: string): Promise<CsvResult<EntityType<K>>> =>
  readCsvBytes(entity, await readBytes(file))

/**
 * Reads a JSON file holding an array of records of one entity. `lines` gives
 * the line each record starts on, by record index.
 * @example
 * const { valid, rejected } = await loadJsonFile("citizens", "citizens.json")
 * @category constructors
 */
export const loadJsonFile = async <K extends EntityName>(entity: K, file: string) => {
  const parsed = parseJson(file, decodeBytes(await readBytes(file)).text)
  const data = parsed.value
  if (!Array.isArray(data)) {
    throw new FileError(file, { en: "Expected a JSON array of records", nb: "Forventet en JSON-liste med poster" }, 1)
  }
  const lines = data.map((_, i) => JsonText.nearestLine(parsed, `/${i}`))
  return { ...Batch.decodeEntity(entity, data, { lines }), lines }
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
  const parsed = parseJson(file, decodeBytes(await readBytes(file)).text)
  const r = Catalogue.decode(parsed.value)
  if (r.ok) return r.catalogue
  throw new Catalogue.CatalogueError(
    r.problems.map((p) => ({ ...p, file, line: JsonText.nearestLine(parsed, p.pointer) })),
  )
}
