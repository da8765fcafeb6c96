// Looking up a name a person or a file supplied: only the record's own
// entries count, so "constructor", "toString" or "__proto__" is an unknown
// name like any other instead of something inherited from Object.prototype.
import { Boundary } from "@aktivitetsmodell/core"

/** `record[key]` when `key` is the record's (or any object's) own entry, else undefined: core's Boundary.own. */
export const { own } = Boundary

/** A record with no prototype, for keys that come from user data. */
export const bare = <V>(): Record<string, V> => Object.create(null) as Record<string, V>
