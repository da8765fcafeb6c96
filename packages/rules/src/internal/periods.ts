// The periods of an enrollment and the runs of no-shows in its attendance,
// shared by the subjects of a whole year (DatasetSubjects) and the subject of
// one enrollment's records (Records).
import { IsoDate } from "@aktivitetsmodell/core"

/** Records in date order (a copy). */
export const byDate = <T extends { readonly date: string }>(xs: ReadonlyArray<T>): Array<T> =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

/**
 * The periods of an enrollment: the first, then one per extension, each
 * starting the day after the previous one ends. A period whose start is not
 * known (the one before it has no end) has `start` undefined.
 */
export const periodsOf = (
  enrollment: { readonly start: IsoDate.IsoDate; readonly end?: IsoDate.IsoDate | undefined },
  extensions: ReadonlyArray<{ readonly newEnd: IsoDate.IsoDate }>,
): Array<{ readonly start: IsoDate.IsoDate | undefined; readonly end: IsoDate.IsoDate | undefined }> => {
  const ends = [enrollment.end, ...extensions.map((x) => x.newEnd)]
  const starts = [
    enrollment.start,
    ...ends.slice(0, -1).map((end) => (end === undefined ? undefined : IsoDate.addDays(end, 1))),
  ]
  return starts.map((start, k) => ({ start, end: ends[k] }))
}

/** How many no-shows in a row end at `index` of date-ordered attendance. */
export const noShowsEndingAt = (attended: ReadonlyArray<{ readonly status: string }>, index: number): number => {
  let n = 0
  for (let i = index; i >= 0 && attended[i]!.status === "no-show"; i--) n++
  return n
}
