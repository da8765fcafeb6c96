// What Tables.fromDataset checks of its input before and after building: the
// dataset's shape, the options, and the ids that become dimension values.
// A Dataset normally comes decoded from core; these checks are for one that
// did not (built by hand, or by plain JavaScript), so that it fails with a
// message naming the place instead of giving wrong figures.
import { IsoDate, Policy, Redact } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import { TOTAL, UNKNOWN } from "../Dimension.js"
import { tableNames } from "../tables/types.js"
import { isRecord, own, reject, requireArray, requireFinite, requireInteger, requireRecord } from "./checks.js"
import { DictionaryColumn } from "./DictionaryColumn.js"
import { DateError } from "./dates.js"
import { AnalyticsError, type Bilingual } from "./text.js"

/** The entities the tables are built from, each a table but referrals; each must be a list. */
export const entities = [...tableNames, "referrals"] as const

/** The dataset as a record whose entities are lists. */
export const checkDataset = (name: string, u: unknown): Record<string, unknown> => {
  const d = requireRecord(name, "the dataset", u)
  for (const e of entities) requireArray(name, `dataset.${e}`, own(d, e))
  return d
}

/** The period: given as two ISO dates, the first not after the second, or the dataset's year. */
export const periodOf = (
  name: string,
  given: unknown,
  dataset: Record<string, unknown>,
): { from: string; to: string } => {
  if (given === undefined) {
    const year = requireInteger(name, "dataset.year", own(dataset, "year"), 1000, 9999)
    return { from: `${year}-01-01`, to: `${year}-12-31` }
  }
  const p = requireRecord(name, "options.period", given)
  const from = own(p, "from")
  const to = own(p, "to")
  if (!IsoDate.isIsoDate(from) || !IsoDate.isIsoDate(to) || from > to) {
    return reject(name, {
      nb: `ugyldig periode ${Redact.show(from)}–${Redact.show(to)}: forventet to datoer ÅÅÅÅ-MM-DD der den første ikke er etter den andre`,
      en: `invalid period ${Redact.show(from)}–${Redact.show(to)}: expected two dates YYYY-MM-DD, the first not after the second`,
    })
  }
  return { from, to }
}

/**
 * Places per session by offering id, from a Map or a plain object. Only own
 * keys count, so an offering called "constructor" or "__proto__" finds no
 * inherited value; every value must be a whole number above 0.
 */
export const capacityOf = (name: string, u: unknown): ((offering: string) => number | null) => {
  if (u === undefined) return () => null
  let entries: Array<[unknown, unknown]>
  if (u instanceof Map) entries = [...(u as Map<unknown, unknown>).entries()]
  else if (isRecord(u)) entries = Object.keys(u).map((k) => [k, u[k]])
  else
    return reject(name, {
      nb: "options.capacity må være et Map eller et objekt med tilbud → plasser",
      en: "options.capacity must be a Map or an object of offering id → places",
    })
  const places = new Map<string, number>()
  for (const [k, v] of entries) {
    if (typeof k !== "string")
      reject(name, {
        nb: "options.capacity: hver nøkkel må være en tilbuds-id (en tekst)",
        en: "options.capacity: every key must be an offering id (a text)",
      })
    if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
      reject(name, {
        nb: `options.capacity[${Redact.show(k)}] må være et helt antall plasser over 0, fant ${Redact.show(v)}`,
        en: `options.capacity[${Redact.show(k)}] must be a whole number of places above 0, found ${Redact.show(v)}`,
      })
    }
    places.set(k as string, v as number)
  }
  return (offering) => places.get(offering) ?? null
}

/** The required department contribution in percent: given, or the policy's on the period's last day. */
export const requiredPercentOf = (name: string, u: unknown, policy: Policy.Policy, periodEnd: string): number => {
  if (u === undefined) return Policy.requireNumber(policy, Policy.names.contributionPercent, { question: periodEnd })
  const v = requireFinite(name, "options.requiredContributionPercent", u)
  return v >= 0
    ? v
    : reject(name, {
        nb: "options.requiredContributionPercent må være 0 eller mer",
        en: "options.requiredContributionPercent must be 0 or more",
      })
}

/** Runs the building of one entity's table, naming the entity in any error of ours. */
export const within = <T>(name: string, entity: string, f: () => T, records?: unknown): T => {
  try {
    return f()
  } catch (e) {
    if (e instanceof AnalyticsError) {
      const at = e instanceof DateError ? placeOf(records, e) : { en: "", nb: "" }
      throw new AnalyticsError({
        nb: `${name}: ${entity}: ${at.nb}${e.text.nb}`,
        en: `${name}: ${entity}: ${at.en}${e.text.en}`,
      })
    }
    throw e
  }
}

// The fields the builders read dates from.
const dateFields = ["date", "start", "closedOn", "end"]

// Where a refused date stands: its record (the first that holds the value,
// unless the reader knew which) and the field holding it. Builders read a
// date once for every record that shares it, so the place is found after.
const placeOf = (records: unknown, e: DateError): Bilingual => {
  const list: ReadonlyArray<unknown> = Array.isArray(records) ? records : []
  // The date fields first: an id may hold the same text as the date that was read.
  const holds = (r: unknown): string | undefined =>
    isRecord(r) ? [...dateFields, ...Object.keys(r)].find((k) => Object.hasOwn(r, k) && r[k] === e.value) : undefined
  const index = e.record ?? list.findIndex((r) => holds(r) !== undefined)
  if (index < 0) return { en: "", nb: "" }
  const field = holds(list[index])
  const at = field === undefined ? `${index}: ` : `${index}, ${Redact.text(field)}: `
  return { en: `record ${at}`, nb: `post ${at}` }
}

const distinctValues = (column: unknown): ReadonlyArray<unknown> =>
  column instanceof DictionaryColumn ? column.values : Array.from(column as ArrayLike<unknown>)

/**
 * Checks the dimension values of the built tables: each an id as text (or
 * none). An id may not hold "|": arquero tells groups of two or more columns
 * apart by joining their values with it, so "a|b" + "c" and "a" + "b|c" would
 * fall into one group and a count would go to the wrong row. Nor may it be
 * "(total)" or "(unknown)", the markers of total rows and unplaced records: an
 * offering called "(total)" would pass its own figures off as the totals.
 */
export const checkIds = (
  name: string,
  tables: Readonly<Record<string, ColumnTable>>,
  columns: ReadonlyArray<readonly [string, string]>,
): void => {
  for (const [table, column] of columns) {
    const t = tables[table]!
    for (const v of distinctValues(t.column(column))) {
      if (v === null || v === undefined) continue
      if (typeof v !== "string") {
        reject(name, {
          nb: `${table}.${column}: hver id må være en tekst, fant ${Redact.show(v)}`,
          en: `${table}.${column}: every id must be a text, found ${Redact.show(v)}`,
        })
      }
      if (v === TOTAL || v === UNKNOWN) {
        reject(name, {
          nb: `${table}.${column}: id-en ${Redact.show(v)} er reservert for ${v === TOTAL ? "totalrader" : "poster uten verdi"}`,
          en: `${table}.${column}: the id ${Redact.show(v)} is reserved for ${v === TOTAL ? "total rows" : "records without a value"}`,
        })
      }
      if ((v as string).includes("|")) {
        reject(name, {
          nb: `${table}.${column}: id-en ${Redact.show(v)} inneholder «|», som ikke kan skilles fra skilletegnet mellom grupperingsnøkler; id-er er små bokstaver, sifre og bindestrek`,
          en: `${table}.${column}: the id ${Redact.show(v)} holds "|", which cannot be told apart from the separator between grouping keys; ids are lowercase letters, digits and hyphens`,
        })
      }
    }
  }
}
