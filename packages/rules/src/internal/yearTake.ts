// A Dataset export read for impact, a run of records at a time as it is
// parsed (JsonText.Take): the lists a year's subjects are not derived from
// are checked and dropped, and attendance is checked and kept as columns.
// Each run is checked with its entity's schema, the one the Dataset's own
// list holds, so every record handed over passing is exactly the taken
// lists passing the Dataset's check. A run with any other record leaves the
// take not ok, and the caller reads the file as records, so that each
// problem is reported where it stands.
import { Batch, Dataset, type JsonText } from "@aktivitetsmodell/core"
import { AttendanceColumns } from "./attendanceColumns.js"
import { listsRead } from "./yearSubjects.js"

// The lists the subjects are not derived from.
const unread: ReadonlySet<string> = new Set(
  Dataset.entityNames.filter((name) => !(listsRead as ReadonlyArray<string>).includes(name)),
)

export interface YearTake extends JsonText.Take {
  /** Whether every record handed over since the last restart passed its check. */
  readonly ok: () => boolean
  /** The attendance handed over since the last restart. */
  readonly attendance: () => AttendanceColumns
}

export const yearTake = (): YearTake => {
  let attendance = new AttendanceColumns()
  let broken = false
  return {
    takes: (name) => name === "attendance" || unread.has(name),
    run: (name, elements) => {
      if (broken) return
      // Only names `takes` accepts come here; entitySchema looks them up as own keys.
      const checked = Batch.decode(Batch.entitySchema(name as "attendance"), elements, { fromJson: true })
      if (checked.rejected.length > 0) broken = true
      else if (name === "attendance") attendance.add(checked.valid)
    },
    restart: () => {
      attendance = new AttendanceColumns()
      broken = false
    },
    ok: () => !broken,
    attendance: () => attendance,
  }
}
