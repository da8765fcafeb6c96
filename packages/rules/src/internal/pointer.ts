// RFC 6901 JSON pointers, the one way this package names a place in a file.
// Escaping is core's (Problems.jsonPointer), so both packages name places alike.
import { Problems } from "@aktivitetsmodell/core"

/** Appends one step to a pointer. */
export const child = (base: string, key: string | number): string => `${base}${Problems.jsonPointer([key])}`

/** `/versions/0/conditions` → `["versions", "0", "conditions"]`. */
export const steps = (p: string): Array<string> =>
  p === ""
    ? []
    : p
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/gu, "/").replace(/~0/gu, "~"))
