/**
 * The sets of people the indicators count, and how they relate.
 *
 * Every count of people in a published table counts one named set
 * (`Indicator.Measure.set`): `booked` (citizens with an attendance record in
 * the group), `present` (those who came at least once), `responses`, `rated`
 * … Sets that describe the same population form a **family**. A family is
 * split into **atoms**, the finest disjoint parts any of its sets can tell
 * apart, and each set is a sum of atoms. So nesting and complements are
 * explicit linear relations:
 *
 *     booked    = present + bookedNeverPresent
 *     responses = rated + unrated,  rated = good + ratedNotGood
 *     evaluated = reached + partly + notReached
 *     srsCitizens = alerted + notAlerted
 *
 * `attendanceRate.citizens` (booked) and `participation.participants`
 * (present) are the same family, so a report that shows both for February
 * shows their difference, the people booked but never present, too; the
 * publication model (`Publication.ts`) protects such differences like any
 * published count.
 *
 * A family is `additive` when each record it counts falls in exactly one
 * group of every dimension (enrollments, evaluations, feedback): then a total
 * row is the sum of its rows. Distinct people are not additive (one citizen
 * can attend two offerings); suppression still treats their totals as sums,
 * to be safe, and the audit uses only the relations that hold exactly.
 *
 * @module
 */
import type { Indicator, Measure } from "../Indicator.js"
import { guard } from "../internal/boundary.js"
import { requireIndicator } from "../internal/shapes.js"
import { AnalyticsError, type Bilingual } from "../internal/text.js"

/**
 * A family of sets of people over one population.
 * @category privacy
 */
export interface Family {
  readonly id: string
  readonly label: Bilingual
  /** Records that each fall in one group of every dimension: totals are sums of their rows. */
  readonly additive: boolean
  /** The finest disjoint parts, in a fixed order. */
  readonly atoms: ReadonlyArray<string>
  /** Each set as the atoms it is the sum of. */
  readonly sets: Readonly<Record<string, ReadonlyArray<string>>>
  /**
   * For families whose sets cross (not a tree): atom values from the values
   * of every set, a non-negative solution (used for rounding and zeros).
   */
  readonly decompose?: (values: Readonly<Record<string, number>>) => Readonly<Record<string, number>>
}

// ORS: improved, deteriorated or stable, crossed with starting below the
// clinical cutoff or not; recovered is improved and clinical.
const orsDecompose = (v: Readonly<Record<string, number>>): Record<string, number> => {
  const n = v.orsFollowed ?? 0
  const improved = v.orsImproved ?? 0
  const deteriorated = v.orsDeteriorated ?? 0
  const recovered = Math.min(v.orsRecovered ?? 0, improved)
  let clinical = Math.max(0, (v.orsClinicalStart ?? 0) - recovered)
  const take = (available: number) => {
    const t = Math.max(0, Math.min(available, clinical))
    clinical -= t
    return t
  }
  const improvedClinical = take(improved - recovered)
  const deterioratedClinical = take(deteriorated)
  const stable = Math.max(0, n - improved - deteriorated)
  const stableClinical = take(stable)
  return {
    improvedRecovered: recovered,
    improvedClinical,
    improvedNonClinical: Math.max(0, improved - recovered - improvedClinical),
    deterioratedClinical,
    deterioratedNonClinical: Math.max(0, deteriorated - deterioratedClinical),
    stableClinical,
    stableNonClinical: Math.max(0, stable - stableClinical),
  }
}

/**
 * Every family of the indicator catalogue.
 * @example
 * Measures.families.find((f) => f.id === "attendance")!.sets.booked // ["present", "bookedNeverPresent"]
 * @category privacy
 */
export const families: ReadonlyArray<Family> = [
  {
    id: "attendance",
    label: { nb: "Innbyggere med oppmøteregistrering", en: "Citizens with an attendance record" },
    additive: false,
    atoms: ["present", "bookedNeverPresent"],
    sets: {
      booked: ["present", "bookedNeverPresent"],
      present: ["present"],
    },
  },
  {
    id: "starts",
    label: { nb: "Innbyggere som startet i et tilbud", en: "Citizens who started in an offering" },
    additive: false,
    atoms: ["new", "returning"],
    sets: {
      started: ["new", "returning"],
      new: ["new"],
      returning: ["returning"],
    },
  },
  {
    id: "closures",
    label: { nb: "Avsluttede deltakelser", en: "Enrollments closed" },
    additive: true,
    atoms: ["completed", "withdrawn"],
    sets: {
      ended: ["completed", "withdrawn"],
      completed: ["completed"],
      withdrawn: ["withdrawn"],
    },
  },
  {
    id: "active",
    label: { nb: "Innbyggere med aktiv deltakelse", en: "Citizens with an active enrollment" },
    additive: false,
    atoms: ["transitioned", "notTransitioned"],
    sets: {
      active: ["transitioned", "notTransitioned"],
      transitioned: ["transitioned"],
    },
  },
  {
    id: "goals",
    label: { nb: "Behandlinger med siste målevaluering", en: "Treatments with a last goal evaluation" },
    additive: true,
    atoms: ["reached", "partly", "notReached"],
    sets: {
      evaluated: ["reached", "partly", "notReached"],
      reached: ["reached"],
      partly: ["partly"],
      notReached: ["notReached"],
    },
  },
  {
    id: "treatments",
    label: { nb: "Behandlinger som startet", en: "Treatments that started" },
    additive: true,
    atoms: ["extended", "notExtended"],
    sets: {
      treatments: ["extended", "notExtended"],
      extended: ["extended"],
    },
  },
  {
    id: "referred",
    label: { nb: "Henviste som startet", en: "Referred enrollments that started" },
    additive: true,
    atoms: ["referredStarted"],
    sets: {
      referredStarted: ["referredStarted"],
    },
  },
  {
    id: "recovery",
    label: { nb: "Recoveryhjelpa-deltakelser", en: "Recoveryhjelpa enrollments" },
    additive: true,
    atoms: ["activityStarted", "noActivityYet"],
    sets: {
      recoveryHelped: ["activityStarted", "noActivityYet"],
      activityStarted: ["activityStarted"],
    },
  },
  {
    id: "kpr",
    label: { nb: "Vedtak som skal rapporteres til KPR", en: "Decisions reportable to KPR" },
    additive: true,
    atoms: ["kprComplete", "kprIncomplete"],
    sets: {
      kprDecisions: ["kprComplete", "kprIncomplete"],
      kprIncomplete: ["kprIncomplete"],
    },
  },
  {
    id: "ors",
    label: { nb: "Innbyggere med minst to ORS-skårer", en: "Citizens with at least two ORS scores" },
    additive: false,
    atoms: [
      "improvedRecovered",
      "improvedClinical",
      "improvedNonClinical",
      "deterioratedClinical",
      "deterioratedNonClinical",
      "stableClinical",
      "stableNonClinical",
    ],
    sets: {
      orsFollowed: [
        "improvedRecovered",
        "improvedClinical",
        "improvedNonClinical",
        "deterioratedClinical",
        "deterioratedNonClinical",
        "stableClinical",
        "stableNonClinical",
      ],
      orsImproved: ["improvedRecovered", "improvedClinical", "improvedNonClinical"],
      orsDeteriorated: ["deterioratedClinical", "deterioratedNonClinical"],
      orsClinicalStart: ["improvedRecovered", "improvedClinical", "deterioratedClinical", "stableClinical"],
      orsRecovered: ["improvedRecovered"],
    },
    decompose: orsDecompose,
  },
  {
    id: "srs",
    label: { nb: "Innbyggere med SRS-skjema", en: "Citizens with an SRS form" },
    additive: false,
    atoms: ["alerted", "notAlerted"],
    sets: {
      srsCitizens: ["alerted", "notAlerted"],
      alerted: ["alerted"],
    },
  },
  {
    id: "feedback",
    label: { nb: "Tilbakemeldinger", en: "Feedback" },
    additive: true,
    atoms: ["good", "ratedNotGood", "unrated"],
    sets: {
      responses: ["good", "ratedNotGood", "unrated"],
      rated: ["good", "ratedNotGood"],
      good: ["good"],
    },
  },
]

const bySet = new Map<string, Family>()
for (const f of families) for (const s of Object.keys(f.sets)) bySet.set(s, f)

/**
 * The family a set belongs to (one of {@link families}), or undefined for a
 * set the catalogue does not know.
 * @example
 * Measures.familyOf("present")?.id // "attendance"
 * @category privacy
 */
export const familyOf = guard(
  "Measures.familyOf",
  { nb: "navnet på en mengde", en: "the name of a set" },
  (set: string): Family | undefined => (typeof set === "string" ? bySet.get(set) : undefined),
)

/**
 * A family for a set the catalogue does not know: the set alone, one atom.
 * @category privacy
 */
export const singleton = guard(
  "Measures.singleton",
  { nb: "navnet på en mengde", en: "the name of a set" },
  (set: string): Family => {
    if (typeof set !== "string")
      throw new AnalyticsError({
        nb: "Measures.singleton: navnet må være en tekst",
        en: "Measures.singleton: the name must be a text",
      })
    return { id: set, label: { nb: set, en: set }, additive: false, atoms: [set], sets: { [set]: [set] } }
  },
)

/**
 * The linear relations of a family, as text: `booked = present + bookedNeverPresent`.
 * @example
 * Measures.relations(Measures.familyOf("rated")!) // ["responses = good + ratedNotGood + unrated", …]
 * @category privacy
 */
export const relations = guard(
  "Measures.relations",
  { nb: "en familie fra Measures.families", en: "a family from Measures.families" },
  (f: Family): Array<string> =>
    Object.entries(f.sets)
      .filter(([s, atoms]) => !(atoms.length === 1 && atoms[0] === s))
      .map(([s, atoms]) => `${s} = ${[...atoms].join(" + ")}`),
)

/**
 * What a measure is to the disclosure control:
 * - `set`: a count of the people in a set, a cell of the linear system;
 * - `events`: a count of events of the people in a set (attendances,
 *   forms), suppressed when small and hidden with that set;
 * - `derived`: a rate or statistic computed from other measures of the row,
 *   hidden when one of them is;
 * - `row`: a statistic that does not say what it is computed over, hidden
 *   when any count of its row is;
 * - `free`: not about citizens (sessions, places, helpers), never hidden.
 * @category privacy
 */
export type Role =
  | { readonly kind: "set"; readonly set: string; readonly family: Family }
  | { readonly kind: "events"; readonly of: string | null }
  | { readonly kind: "derived"; readonly from: ReadonlyArray<string> }
  | { readonly kind: "row" }
  | { readonly kind: "free" }

/**
 * The role of every measure of an indicator, by column. A person count that
 * names no set (an indicator of the caller's) counts the set
 * `<indicator>.<column>`; when it is the numerator of a rate over another
 * such count, the two form a family (numerator and the rest), as before.
 * @example
 * Measures.roles(Indicators.catalogue.participation).get("participants") // { kind: "set", set: "present", family: … }
 * @category privacy
 */
export const roles = guard(
  "Measures.roles",
  { nb: "en indikator", en: "an indicator" },
  (given: Indicator): Map<string, Role> => {
    const indicator = requireIndicator("Measures.roles", given)
    const out = new Map<string, Role>()
    const persons = indicator.measures.filter((m) => m.kind === "persons")
    // A caller's indicator: sets of its own, nested where a rate says so.
    const own = new Map<string, Family>()
    const undeclared = new Set(persons.filter((m) => m.set === undefined).map((m) => m.column))
    const setName = (m: Measure) => m.set ?? `${indicator.id}.${m.column}`
    const pairs = indicator.measures.filter(
      (m) =>
        m.kind === "rate" &&
        m.numerator !== undefined &&
        m.denominator !== undefined &&
        m.numerator !== m.denominator &&
        undeclared.has(m.numerator) &&
        undeclared.has(m.denominator),
    )
    const asChild = new Map<string, number>()
    const asParent = new Map<string, number>()
    for (const r of pairs) {
      asChild.set(r.numerator!, (asChild.get(r.numerator!) ?? 0) + 1)
      asParent.set(r.denominator!, (asParent.get(r.denominator!) ?? 0) + 1)
    }
    for (const r of pairs) {
      const child = r.numerator!
      const parent = r.denominator!
      // Only simple pairs: one parent, one child, neither in another pair.
      if (
        asChild.get(child) !== 1 ||
        asParent.get(parent) !== 1 ||
        asParent.has(child) ||
        asChild.has(parent) ||
        own.has(child) ||
        own.has(parent)
      )
        continue
      const c = `${indicator.id}.${child}`
      const p = `${indicator.id}.${parent}`
      const rest = `${p}-not-${child}`
      const f = {
        id: p,
        label: { nb: p, en: p },
        additive: false,
        atoms: [c, rest],
        sets: { [p]: [c, rest], [c]: [c] },
      }
      own.set(child, f)
      own.set(parent, f)
    }
    for (const m of indicator.measures) {
      if (m.kind === "persons") {
        const set = setName(m)
        out.set(m.column, { kind: "set", set, family: own.get(m.column) ?? familyOf(set) ?? singleton(set) })
      } else if (m.kind === "count") {
        out.set(m.column, m.of === undefined ? { kind: "free" } : { kind: "events", of: m.of })
      } else if (m.kind === "rate") {
        out.set(m.column, {
          kind: "derived",
          from: [m.numerator, m.denominator].filter((c): c is string => c !== undefined),
        })
      } else {
        out.set(
          m.column,
          m.over === undefined
            ? { kind: "row" }
            : m.over.length === 0
              ? { kind: "free" }
              : { kind: "derived", from: m.over },
        )
      }
    }
    return out
  },
)

/**
 * The families' atoms as the sets a publication shows can tell them apart:
 * atoms that lie in exactly the same published sets merge into one, and
 * atoms in none of them are left out.
 * @category privacy
 */
export interface Coarse {
  readonly family: Family
  readonly active: ReadonlyArray<string>
  /** Each coarse atom: its name (the atoms it merges, joined by "+") and the atoms. */
  readonly atoms: ReadonlyArray<{ readonly name: string; readonly members: ReadonlyArray<string> }>
  /** Each active set as indices into `atoms`. */
  readonly setAtoms: ReadonlyMap<string, ReadonlyArray<number>>
  /** Atom values from set values (missing sets count as 0). */
  readonly decompose: (values: ReadonlyMap<string, number>) => Array<number>
}

/**
 * The coarse atoms of a family for the sets a publication shows.
 * @example
 * Measures.coarse(Measures.familyOf("responses")!, ["responses", "good"]).atoms.map((a) => a.name) // ["good", "ratedNotGood+unrated"]
 * @category privacy
 */
export const coarse = guard(
  "Measures.coarse",
  { nb: "en familie og en liste med mengder i den", en: "a family and a list of its sets" },
  (f: Family, active: ReadonlyArray<string>): Coarse => {
    if (!active.every((s) => typeof s === "string" && Object.hasOwn(f.sets, s)))
      throw new AnalyticsError({
        nb: "Measures.coarse: hver mengde må høre til familien",
        en: "Measures.coarse: every set must belong to the family",
      })
    const signature = (atom: string) => active.filter((s) => f.sets[s]!.includes(atom)).join("|")
    const classes = new Map<string, Array<string>>()
    for (const a of f.atoms) {
      const sig = signature(a)
      if (sig === "") continue
      const members = classes.get(sig)
      if (members) members.push(a)
      else classes.set(sig, [a])
    }
    const atoms = [...classes.values()].map((members) => ({ name: members.join("+"), members }))
    const setAtoms = new Map(
      active.map((s) => [s, atoms.flatMap((a, i) => (f.sets[s]!.includes(a.members[0]!) ? [i] : []))] as const),
    )
    // Laminar: any two active sets are nested or disjoint. Then an atom is its
    // smallest set minus that set's children.
    const members = (s: string) => new Set(setAtoms.get(s)!)
    const laminar = active.every((a) =>
      active.every((b) => {
        const A = members(a)
        const B = members(b)
        const common = [...A].filter((x) => B.has(x)).length
        return common === 0 || common === A.size || common === B.size
      }),
    )
    const decompose = (values: ReadonlyMap<string, number>): Array<number> => {
      if (!laminar && f.decompose !== undefined) {
        const full = f.decompose(Object.fromEntries(active.map((s) => [s, values.get(s) ?? 0])))
        return atoms.map((a) => a.members.reduce((sum, m) => sum + (full[m] ?? 0), 0))
      }
      // Smallest active set of each atom; its value minus the sets directly inside it.
      const size = (s: string) => setAtoms.get(s)!.length
      return atoms.map((_, i) => {
        const owners = active.filter((s) => setAtoms.get(s)!.includes(i)).sort((x, y) => size(x) - size(y))
        const own = owners[0]
        if (own === undefined) return 0
        const inside = active.filter(
          (s) => s !== own && size(s) < size(own) && setAtoms.get(s)!.every((j) => setAtoms.get(own)!.includes(j)),
        )
        const children = inside.filter(
          (s) =>
            !inside.some(
              (t) => t !== s && size(t) > size(s) && setAtoms.get(s)!.every((j) => setAtoms.get(t)!.includes(j)),
            ),
        )
        return Math.max(0, (values.get(own) ?? 0) - children.reduce((sum, s) => sum + (values.get(s) ?? 0), 0))
      })
    }
    return { family: f, active, atoms, setAtoms, decompose }
  },
)
