// A municipality-year whose ids, names and themes are hostile: code for an
// expression compiler, keys of Object.prototype, Markdown and HTML. Records
// reach the package as a Dataset built by hand, as plain JavaScript could,
// without core's schemas (which would refuse most of these ids).
import { Catalogue, type Dataset } from "@aktivitetsmodell/core"
import { expect } from "vitest"
import { AnalyticsError } from "../../src/index.js"
import { att, enr, session, year } from "../helpers.js"

/** Texts that would run, inherit or render if used as code, keys or markup. */
export const hostileTexts = [
  '"); globalThis.__pwned=1; ("',
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: deliberate hostile input, a template literal that must stay inert text
  "`${globalThis.__pwned=1}`",
  "x; globalThis.__pwned = 1; //",
  "d => (globalThis.__pwned = 1)",
  "<img src=x onerror=alert(1)>",
  "[klikk](javascript:alert(1))",
  "![bilde](http://example.invalid/x.png)",
  "| kolonne | to |",
  "# overskrift",
  "*fet* _kursiv_ `kode` \\ & ! ( )",
  "linje\nskift\r\nogså",
] as const

/**
 * Offering ids: every hostile text above without "|", as the id of an
 * offering of its own ("|" in an id is refused; see arquero.test.ts).
 */
export const hostileOfferings = hostileTexts.filter((t) => !t.includes("|"))

/** Department ids and names of the same kind. */
export const hostileDepartments = [
  { id: "constructor", name: { nb: "<script>alert(1)</script>", en: "[x](javascript:alert(1))" } },
  { id: "__proto__", name: { nb: "| a | b |", en: "# heading" } },
  { id: '"); globalThis.__pwned=1; ("', name: { nb: "`code` **bold**", en: "<b>bold</b>" } },
] as const

/** The six citizens of each hostile offering: enough that no count of them is suppressed. */
export const perOffering = 6

/** A year with one active offering per hostile id, attended, with sessions, feedback and themes. */
export const hostileYear = (): Dataset.Dataset => {
  const catalogue = Catalogue.sandnes()
  const template = catalogue.offerings.find((o) => o.id === "turgruppe")!
  const offerings = hostileOfferings.map((id, i) => ({
    ...template,
    id,
    name: { nb: `Navn ${id}`, en: `Name ${id}` },
    category: "everyday",
    operator: { department: hostileDepartments[i % hostileDepartments.length]!.id, team: "department", partners: [] },
    status: { kind: "active" },
  }))
  const citizen = (i: number, k: number) => 1000 + i * perOffering + k
  const enrollments = hostileOfferings.flatMap((id, i) =>
    Array.from({ length: perOffering }, (_, k) => enr(`h-${i}-${k}`, citizen(i, k), id, "2024-02-01")),
  )
  const attendance = hostileOfferings.flatMap((id, i) =>
    Array.from({ length: perOffering }, (_, k) => att(citizen(i, k), id, "2024-03-05", "present", `h-${i}-${k}`)),
  )
  const sessions = hostileOfferings.map((id) => session(id, "2024-03-05", 1, 1))
  // Five responses per theme, so that the evaluation plan names the theme.
  const feedback = hostileOfferings.flatMap((id, i) =>
    Array.from({ length: 5 }, (_, k) => ({
      id: `b-${i}-${k}`,
      source: "citizen",
      date: "2024-04-02",
      offeringId: id,
      theme: hostileTexts[(i + 1) % hostileTexts.length]!,
      rating: 2 + (k % 3),
    })),
  )
  const contributions = hostileDepartments.map((d, i) => ({
    id: `c-${i}`,
    department: d.id,
    from: "2024-01-01",
    sharePercent: 20,
    form: "lent-position",
  }))
  return year({
    departments: [...catalogue.departments, ...hostileDepartments],
    offerings: [...catalogue.offerings, ...offerings],
    enrollments,
    attendance,
    sessions,
    feedback,
    contributions,
  } as never)
}

/** The AnalyticsError `f` throws; the test fails if it throws anything else or nothing. */
export const thrown = (f: () => unknown): AnalyticsError => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(AnalyticsError)
    return e as AnalyticsError
  }
  throw new Error("expected an AnalyticsError")
}
