// Reading a municipality-year from a JSON file. Two kinds of failure: the
// file cannot be used at all (not JSON, not an object with a year and a list
// per entity) — a FileError in one line with the line or JSON pointer — or
// some records are wrong — an AnalyticsError listing each with entity, record
// and field, since a report from half the records would mislead.
import { Batch, Dataset, JsonText } from "@aktivitetsmodell/core"
import { own } from "../internal/checks.js"
import { AnalyticsError, bi, FileError, fileName } from "../internal/text.js"

const notJson = (file: string, text: string, e: unknown): FileError => {
  // JSON.parse was fast; JsonText says where, in both languages, on every Node version.
  const where = JsonText.parse(text)
  const name = fileName(file)
  if (where.ok) {
    const why = e instanceof Error ? e.message : String(e)
    return new FileError(file, bi(`${name}: ikke gyldig JSON: ${why}`, `${name}: not valid JSON: ${why}`))
  }
  return new FileError(
    file,
    bi(
      `${name}: ikke gyldig JSON på linje ${where.line}, kolonne ${where.column}: ${where.message.nb}`,
      `${name}: not valid JSON at line ${where.line}, column ${where.column}: ${where.message.en}`
    )
  )
}

/** A municipality-year from the text of a JSON file; see loadDataset. */
export const parseDataset = (text: string, file: string): Dataset.Dataset => {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw notJson(file, text, e)
  }
  const name = fileName(file)
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new FileError(file, bi(`${name}: forventet et objekt med «year» (heltall) og en liste per enhet`, `${name}: expected an object with "year" (a whole number) and an array per entity`))
  }
  // Own keys only: JSON.parse keeps "__proto__" as a key of its own, and an
  // inherited "year" or "offerings" is not in the file.
  const input = raw as Record<string, unknown>
  const year = own(input, "year")
  if (typeof year !== "number" || !Number.isInteger(year)) {
    throw new FileError(file, bi(`${name}: /year: forventet et heltall (året)`, `${name}: /year: expected a whole number (the year)`))
  }
  const notLists = Dataset.entityNames.filter((e) => own(input, e) !== undefined && !Array.isArray(own(input, e)))
  if (notLists.length > 0) {
    const pointers = notLists.map((e) => `/${e}`).join(", ")
    throw new FileError(file, bi(`${name}: ${pointers}: forventet en liste`, `${name}: ${pointers}: expected an array`))
  }
  const problems: Array<string> = []
  const decoded: Record<string, ReadonlyArray<unknown>> = {}
  for (const entity of Dataset.entityNames) {
    const result = Batch.decodeEntity(entity, (own(input, entity) ?? []) as ReadonlyArray<unknown>)
    decoded[entity] = result.valid
    for (const r of result.rejected) for (const p of r.problems) problems.push(`${name}: ${entity}[${r.index}]${p.field === "" ? "" : `, field/felt ${p.field}`}: ${p.message.en} / ${p.message.nb}`)
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n")
    const more = problems.length > 20 ? `\n… ${problems.length - 20} more / ${problems.length - 20} til` : ""
    throw new AnalyticsError(bi(`${problems.length} problem(er) i ${name}:\n${shown}${more}`, `${problems.length} problem(s) in ${name}:\n${shown}${more}`))
  }
  return { year, ...decoded } as unknown as Dataset.Dataset
}
