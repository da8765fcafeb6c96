// A folder of exports, one file per entity, named after it: `citizens.csv`,
// `enrollments.json` (an array of records), `sessions.arrow`. Every record of
// every file comes back, valid or rejected with the line it starts on; a
// folder that cannot be used — missing, empty, a file name that is no entity,
// two files for one entity — is a FileError in one line, with a did-you-mean.
// Hidden files (".DS_Store") are not exports and are passed over.
import { readdir } from "node:fs/promises"
import { basename, join } from "node:path"
import { Batch, Dataset, Redact, Suggest } from "@aktivitetsmodell/core"
import { FileError as CoreFileError, loadCsvFile, loadJsonFile } from "@aktivitetsmodell/core/node"
import { FileError, fileName } from "../internal/text.js"
import { arrowRecords } from "./arrowRecords.js"
import { readBytes } from "./files.js"
import type { EntityRead } from "./inputCheck.js"

/** The formats a folder may hold, by extension. */
export const formats = ["csv", "json", "arrow"] as const
type Format = (typeof formats)[number]

interface Named {
  readonly name: string
  readonly entity: Dataset.EntityName
  readonly format: Format
}

const isEntity = (s: string): s is Dataset.EntityName => Object.hasOwn(Dataset.entities, s)

// A file name for a message: control characters and identity numbers never shown.
const shown = (name: string): string => Redact.show(name, 60).slice(1, -1)

/** What a name in the folder is: an export, or why not (with a guess). */
const classify = (name: string): Named | { readonly unknown: string; readonly guess: string | undefined } => {
  const dot = name.lastIndexOf(".")
  const stem = dot > 0 ? name.slice(0, dot) : name
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : ""
  const known = (formats as ReadonlyArray<string>).includes(ext)
  if (known && isEntity(stem)) return { name, entity: stem, format: ext as Format }
  const entity = isEntity(stem) ? stem : Suggest.suggest(stem, Dataset.entityNames)
  return { unknown: name, guess: entity === undefined ? undefined : `${entity}.${known ? ext : "csv"}` }
}

const unknownNames = (
  dir: string,
  unknown: ReadonlyArray<{ readonly unknown: string; readonly guess: string | undefined }>,
): FileError => {
  const list = (lang: "nb" | "en") =>
    unknown
      .slice(0, 10)
      .map((u) =>
        lang === "nb"
          ? `«${shown(u.unknown)}»${u.guess === undefined ? "" : ` (mente du «${u.guess}»?)`}`
          : `"${shown(u.unknown)}"${u.guess === undefined ? "" : ` (did you mean "${u.guess}"?)`}`,
      )
      .join(", ") + (unknown.length > 10 ? ", …" : "")
  const name = fileName(dir)
  return new FileError(dir, {
    nb: `${name}: ukjent fil i mappen: ${list("nb")}; hver fil heter etter enheten den holder (${Dataset.entityNames.join(", ")}) med .csv, .json eller .arrow`,
    en: `${name}: unknown file in the folder: ${list("en")}; each file is named after the entity it holds (${Dataset.entityNames.join(", ")}) with .csv, .json or .arrow`,
  })
}

/**
 * The export files of a folder, in the order of `Dataset.entityNames`.
 * Throws a FileError for an unknown name, two files for one entity, or no
 * export at all.
 */
export const listFolder = async (dir: string): Promise<ReadonlyArray<Named & { readonly path: string }>> => {
  let entries: Array<{ name: string; isFile(): boolean }>
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (e) {
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "unknown"
    throw new FileError(dir, {
      nb: `Kunne ikke lese mappen ${fileName(dir)} (${code})`,
      en: `Could not read the folder ${fileName(dir)} (${code})`,
    })
  }
  const named: Array<Named & { readonly path: string }> = []
  const unknown: Array<{ readonly unknown: string; readonly guess: string | undefined }> = []
  for (const entry of entries.filter((e) => !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const c = classify(entry.name)
    if ("unknown" in c || !entry.isFile()) unknown.push("unknown" in c ? c : { unknown: entry.name, guess: undefined })
    else named.push({ ...c, path: join(dir, entry.name) })
  }
  if (unknown.length > 0) throw unknownNames(dir, unknown)
  for (const entity of Dataset.entityNames) {
    const twins = named.filter((n) => n.entity === entity)
    if (twins.length > 1) {
      const names = twins.map((t) => t.name).join(", ")
      throw new FileError(dir, {
        nb: `${fileName(dir)}: flere filer for ${entity} (${names}); behold én`,
        en: `${fileName(dir)}: more than one file for ${entity} (${names}); keep one`,
      })
    }
  }
  if (named.length === 0) {
    throw new FileError(dir, {
      nb: `${fileName(dir)}: ingen eksportfiler i mappen; forventet for eksempel citizens.csv og enrollments.csv`,
      en: `${fileName(dir)}: no export files in the folder; expected, for example, citizens.csv and enrollments.csv`,
    })
  }
  return Dataset.entityNames.flatMap((e) => named.filter((n) => n.entity === e))
}

// Core's loaders say why a file cannot be read at all; the CLI's error names it in one line.
const fromCore = (e: unknown, file: string): unknown => {
  if (!(e instanceof CoreFileError)) return e
  const at = `${basename(file)}${e.line === undefined ? "" : `:${e.line}`}`
  return new FileError(file, { nb: `${at}: ${e.nb}`, en: `${at}: ${e.en}` })
}

/** One export file read: every record valid or rejected, with the lines records start on where the format has lines. */
export const readFile = async (f: Named & { readonly path: string }): Promise<EntityRead> => {
  // What every format gives: the records, and where the format has lines, the line each starts on.
  const read = (
    r: Batch.BatchResult<unknown> & { readonly lines?: ReadonlyArray<number> },
    fileProblems: EntityRead["fileProblems"] = [],
  ): EntityRead => ({
    file: f.name,
    entity: f.entity,
    total: r.total,
    valid: r.valid,
    rejected: r.rejected,
    lineOf: (i) => r.lines?.[i] ?? null,
    fileProblems,
  })
  try {
    if (f.format === "csv") {
      const r = await loadCsvFile(f.entity, f.path)
      return read(r, r.fileProblems)
    }
    if (f.format === "json") return read(await loadJsonFile(f.entity, f.path))
    return read(Batch.decodeEntity(f.entity, arrowRecords(await readBytes(f.path), f.path)))
  } catch (e) {
    throw fromCore(e, f.path)
  }
}

/**
 * The year a folder is named for (`export-2024` → 2024), or undefined.
 * @example
 * yearOfFolder("examples/data/export-2024") // 2024
 */
export const yearOfFolder = (dir: string): number | undefined => {
  const m = /(?:^|\D)((?:20\d\d)|2100)$/u.exec(basename(dir.replace(/[\\/]+$/u, "")))
  return m === null ? undefined : Number(m[1])
}
