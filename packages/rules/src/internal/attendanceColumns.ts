// A year's attendance kept as columns of small numbers rather than as records.
// Attendance is two thirds of a Dataset export; as records, everything
// JSON.parse makes of it survives until the subjects are derived, and the
// garbage collector copies all of it. Here each checked record leaves its
// enrollment and date as numbers, its status as a code and, for a no-show,
// its id (the only attendance a subject's key names), and the records
// themselves die young.
import { Session } from "@aktivitetsmodell/core"
import type { Attended } from "./yearSubjects.js"

// The statuses as the schema lists them, so a status is coded by its place there.
const statuses: ReadonlyArray<string> = Session.Attendance.fields.status.literals
const noShow = statuses.indexOf("no-show")

// `into`, a larger column, with the first `count` values of `from`.
const copied = <A extends Int32Array | Uint8Array>(into: A, from: A, count: number): A => {
  into.set(from.subarray(0, count))
  return into
}

export class AttendanceColumns {
  private readonly enrollments = new Map<string, number>()
  private readonly dates = new Map<string, number>()
  private readonly dateTexts: Array<string> = []
  private enrollment = new Int32Array(1 << 16)
  private date = new Int32Array(1 << 16)
  private status = new Uint8Array(1 << 16)
  private readonly noShowIds = new Map<number, string>()
  private count = 0

  /** Adds checked attendance records, in their order. */
  add(records: ReadonlyArray<{ id: string; enrollmentId: string; date: string; status: string }>): void {
    if (this.count + records.length > this.status.length) this.grow(this.count + records.length)
    for (let i = 0; i < records.length; i++) {
      const a = records[i]!
      const row = this.count++
      let e = this.enrollments.get(a.enrollmentId)
      if (e === undefined) {
        e = this.enrollments.size
        this.enrollments.set(a.enrollmentId, e)
      }
      let d = this.dates.get(a.date)
      if (d === undefined) {
        d = this.dateTexts.length
        this.dates.set(a.date, d)
        this.dateTexts.push(a.date)
      }
      const s = statuses.indexOf(a.status)
      if (s < 0) throw new TypeError("attendance status not checked")
      this.enrollment[row] = e
      this.date[row] = d
      this.status[row] = s
      if (s === noShow) this.noShowIds.set(row, a.id)
    }
  }

  private grow(atLeast: number): void {
    const size = Math.max(atLeast, 2 * this.status.length)
    this.enrollment = copied(new Int32Array(size), this.enrollment, this.count)
    this.date = copied(new Int32Array(size), this.date, this.count)
    this.status = copied(new Uint8Array(size), this.status, this.count)
  }

  /** How many records were added. */
  get size(): number {
    return this.count
  }

  /**
   * Each enrollment's attendance in record order, as derivation reads it:
   * what grouping the records by enrollment gives, but made for one
   * enrollment when it is asked for, so that it dies young.
   */
  grouped(): (enrollmentId: string) => ReadonlyArray<Attended> | undefined {
    const n = this.count
    const groups = this.enrollments.size
    // A counting sort of the rows by enrollment keeps record order within each.
    const start = new Int32Array(groups + 1)
    for (let row = 0; row < n; row++) start[this.enrollment[row]! + 1]!++
    for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!
    const next = start.slice(0, groups)
    const rows = new Int32Array(n)
    for (let row = 0; row < n; row++) rows[next[this.enrollment[row]!]!++] = row
    return (enrollmentId) => {
      const g = this.enrollments.get(enrollmentId)
      if (g === undefined) return undefined
      const out: Array<Attended> = []
      for (let k = start[g]!; k < start[g + 1]!; k++) {
        const row = rows[k]!
        const status = this.status[row]!
        out.push({
          id: status === noShow ? this.noShowIds.get(row)! : "",
          date: this.dateTexts[this.date[row]!]!,
          status: statuses[status]!,
        })
      }
      return out
    }
  }
}
