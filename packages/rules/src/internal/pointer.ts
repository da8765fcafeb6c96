// RFC 6901 JSON pointers, the one way this package names a place in a file.

/** `["versions", 0, "conditions"]` → `/versions/0/conditions`. */
export const pointer = (path: ReadonlyArray<string | number>): string =>
  path.map((k) => `/${String(k).replace(/~/gu, "~0").replace(/\//gu, "~1")}`).join("")

/** Appends one step to a pointer. */
export const child = (base: string, key: string | number): string =>
  `${base}/${String(key).replace(/~/gu, "~0").replace(/\//gu, "~1")}`

/** `/versions/0/conditions` → `["versions", "0", "conditions"]`. */
export const steps = (p: string): Array<string> =>
  p === "" ? [] : p.slice(1).split("/").map((s) => s.replace(/~1/gu, "/").replace(/~0/gu, "~"))
