// Reading a municipality-year from a JSON file. Two kinds of failure: the
// file cannot be used at all (not JSON, not an object with a year and a list
// per entity, a key that is neither) — a FileError in one line with the line
// or JSON pointer — or some records are wrong — a RecordsError listing each
// with its line, entity, record (counted from 1) and field, since a report
// from half the records would mislead.
import { basename } from "node:path"
import { Batch, Dataset, JsonText, Municipality, Redact, Suggest } from "@aktivitetsmodell/core"
import { own } from "../internal/checks.js"
import { FileError, fileName } from "../internal/text.js"
import { type EntityRead, RecordsError, rejectedEntries } from "./inputCheck.js"

const notJson = (file: string, text: string, e: unknown): FileError => {
  // JSON.parse was fast; JsonText says where, in both languages, on every Node version.
  const where = JsonText.parse(text)
  const name = fileName(file)
  if (where.ok) {
    const why = e instanceof Error ? e.message : String(e)
    return new FileError(file, { nb: `${name}: ikke gyldig JSON: ${why}`, en: `${name}: not valid JSON: ${why}` })
  }
  return new FileError(file, {
    nb: `${name}: ikke gyldig JSON på linje ${where.line}, kolonne ${where.column}: ${where.message.nb}`,
    en: `${name}: not valid JSON at line ${where.line}, column ${where.column}: ${where.message.en}`,
  })
}

const pointer = (key: string) => `/${key.replace(/~/gu, "~0").replace(/\//gu, "~1")}`

// A key that is neither "year", "municipality", "source" nor an entity is a typo
// ("attendence") or something else; either way its records would be lost,
// so it is refused.
const unknownKeys = (file: string, input: Record<string, unknown>): FileError | undefined => {
  const known = ["year", "municipality", "source", ...Dataset.entityNames]
  const unknown = Object.keys(input).filter((k) => !known.includes(k))
  if (unknown.length === 0) return undefined
  const list = (lang: "nb" | "en") =>
    unknown
      .slice(0, 5)
      .map((k) => `${Redact.show(pointer(k), 60).slice(1, -1)}${Suggest.didYouMean(k, Dataset.entityNames)[lang]}`)
      .join(", ")
  // A sentence that ends in a question needs no full stop after it.
  const end = (text: string) => (text.endsWith("?") ? text : `${text}.`)
  const name = fileName(file)
  return new FileError(file, {
    nb: `${name}: ukjent nøkkel ${end(list("nb"))} Forventet «year», eventuelt «municipality» og «source», og enhetene ${Dataset.entityNames.join(", ")}`,
    en: `${name}: unknown key ${end(list("en"))} Expected "year", optionally "municipality" and "source", and the entities ${Dataset.entityNames.join(", ")}`,
  })
}

/**
 * The year and the records of each entity from the text of a dataset JSON
 * file, every record decoded. Lines are found only when a message needs one.
 */
export const readDatasetText = (
  text: string,
  file: string,
): {
  readonly year: number
  readonly municipality?: string
  readonly reads: ReadonlyArray<EntityRead>
  readonly source?: string
} => {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw notJson(file, text, e)
  }
  const name = fileName(file)
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new FileError(file, {
      nb: `${name}: forventet et objekt med «year» (heltall) og en liste per enhet`,
      en: `${name}: expected an object with "year" (a whole number) and an array per entity`,
    })
  }
  // Own keys only: JSON.parse keeps "__proto__" as a key of its own, and an
  // inherited "year" or "offerings" is not in the file.
  const input = raw as Record<string, unknown>
  const year = own(input, "year")
  if (typeof year !== "number" || !Number.isInteger(year)) {
    throw new FileError(file, {
      nb: `${name}: /year: forventet et heltall (året)`,
      en: `${name}: /year: expected a whole number (the year)`,
    })
  }
  const notLists = Dataset.entityNames.filter((e) => own(input, e) !== undefined && !Array.isArray(own(input, e)))
  if (notLists.length > 0) {
    const pointers = notLists.map((e) => `/${e}`).join(", ")
    throw new FileError(file, {
      nb: `${name}: ${pointers}: forventet en liste`,
      en: `${name}: ${pointers}: expected an array`,
    })
  }
  const unknown = unknownKeys(file, input)
  if (unknown !== undefined) throw unknown
  // The data source the file names itself ("årsrapport 2024"), for the report's provenance.
  const source = own(input, "source")
  if (source !== undefined && (typeof source !== "string" || source.trim().length === 0 || source.length > 200)) {
    throw new FileError(file, {
      nb: `${name}: /source: forventet en tekst på høyst 200 tegn som sier hvor dataene kommer fra`,
      en: `${name}: /source: expected a text of at most 200 characters saying where the data come from`,
    })
  }
  // The municipality's number, when the file names one: four digits as text.
  const municipality = own(input, "municipality")
  if (municipality !== undefined && !Municipality.isNumber(municipality)) {
    throw new FileError(file, {
      nb: `${name}: /municipality: forventet et kommunenummer med fire sifre som tekst (som "1108")`,
      en: `${name}: /municipality: expected a municipality number of four digits as text (such as "1108")`,
    })
  }
  let parsed: ReturnType<typeof JsonText.parse> | undefined
  const lineOf = (entity: string) => (index: number) => {
    parsed ??= JsonText.parse(text)
    return parsed.ok ? JsonText.nearestLine(parsed, `/${entity}/${index}`) : null
  }
  const reads = Dataset.entityNames
    .filter((e) => own(input, e) !== undefined)
    .map((entity): EntityRead => {
      const r = Batch.decodeEntity(entity, own(input, entity) as ReadonlyArray<unknown>)
      // The file's own name: its path may name a person's home folder, and the report is shared.
      return {
        file: basename(file),
        entity,
        total: r.total,
        valid: r.valid,
        rejected: r.rejected,
        lineOf: lineOf(entity),
        fileProblems: [],
      }
    })
  return {
    year,
    ...(municipality === undefined ? {} : { municipality: municipality as string }),
    reads,
    ...(typeof source === "string" ? { source: Redact.text(source.trim()) } : {}),
  }
}

/** A municipality-year from the text of a JSON file; see loadDataset. */
export const parseDataset = (text: string, file: string): Dataset.Dataset => {
  const { year, municipality, reads } = readDatasetText(text, file)
  const rejected = rejectedEntries(reads)
  if (rejected.length > 0) throw new RecordsError(rejected)
  const decoded = Object.fromEntries(
    Dataset.entityNames.map((e) => [e, reads.find((r) => r.entity === e)?.valid ?? []]),
  )
  return { year, ...(municipality === undefined ? {} : { municipality }), ...decoded } as unknown as Dataset.Dataset
}
