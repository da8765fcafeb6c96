// A record whose id an earlier valid record of the same file already has is a
// repeat (a row exported twice, a file appended to itself). The indicators
// would count it twice, and core's invariants cannot tell the two apart; so
// the first is kept and every repeat is rejected, naming the first's record
// and line. Valid + rejected = input still holds: nothing is dropped.
import type { Batch } from "@aktivitetsmodell/core"
import type { EntityRead } from "./entityRead.js"

const idOf = (record: unknown): string | undefined => {
  if (typeof record !== "object" || record === null || !Object.hasOwn(record, "id")) return undefined
  const id = (record as { readonly id: unknown }).id
  return typeof id === "string" ? id : undefined
}

const where = (record: number, line: number | null, lang: "nb" | "en"): string =>
  lang === "nb"
    ? `post ${record}${line === null ? "" : ` (linje ${line})`}`
    : `record ${record}${line === null ? "" : ` (line ${line})`}`

/** The problem of a repeat: the id, and where its first record is. */
export const repeatProblem = (id: string, first: number, line: number | null): Batch.Rejected["problems"][number] => ({
  code: "duplicate-id",
  pointer: "/id",
  path: ["id"],
  field: "id",
  message: {
    nb: `Id-en «${id}» har allerede ${where(first + 1, line, "nb")}; denne gjentakelsen er satt til side og telles ikke i indikatorene`,
    en: `The id "${id}" already belongs to ${where(first + 1, line, "en")}; this repeat is set aside and not counted by the indicators`,
  },
})

/** `read` with every repeated id after its first valid record moved from valid to rejected. */
export const withoutRepeats = (read: EntityRead): EntityRead => {
  const rejectedAt = new Set(read.rejected.map((r) => r.index))
  const firstAt = new Map<string, number>()
  const valid: Array<unknown> = []
  const repeats: Array<Batch.Rejected> = []
  let v = 0
  for (let index = 0; index < read.total && v < read.valid.length; index++) {
    if (rejectedAt.has(index)) continue
    const record = read.valid[v++]
    const id = idOf(record)
    const first = id === undefined ? undefined : firstAt.get(id)
    if (id === undefined || first === undefined) {
      if (id !== undefined) firstAt.set(id, index)
      valid.push(record)
      continue
    }
    const line = read.lineOf(index)
    repeats.push({
      index,
      ...(line === null ? {} : { line }),
      record,
      problems: [repeatProblem(id, first, read.lineOf(first))],
    })
  }
  if (repeats.length === 0) return read
  const rejected = [...read.rejected, ...repeats].sort((a, b) => a.index - b.index)
  return { ...read, valid, rejected }
}
