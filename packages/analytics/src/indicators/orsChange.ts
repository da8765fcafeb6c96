import { type Indicator, rate } from "../Indicator.js"
import { daysWithin } from "../internal/group.js"
import { type Coded, codedOf } from "../internal/kernel/codes.js"
import { valuesOf } from "../internal/kernel/read.js"
import { tableOf } from "../internal/kernel/table.js"
import { mask } from "../internal/kernel/where.js"
import { KeyGroups } from "../internal/passes/keyGroups.js"
import { ORDER_SHIFT } from "../Tables.js"
import { fitEvaluationLine } from "./fitSource.js"
import { persons, share, statistic } from "./measures.js"

/**
 * For each citizen with at least two ORS scores in the period (per offering
 * when grouped by offering, through the enrollment a score names): the change
 * from first to last score. Reports the mean change and the shares that
 * reliably improved (by at least the policy's reliable change, of the last
 * score's date), reliably recovered (improved reliably and crossed the
 * clinical cutoff from below; share of those who started below it) and
 * deteriorated (by at least the reliable change). Resultatvurdering Mestringsenheten 2021, line 13: the unit uses
 * FIT so that citizens report how they experience the help; Kommunale lærings- og mestringstjenester, line 42:
 * measure before and after.
 * @example
 * Indicator.compute(orsChange, tables, { by: ["category"] })
 * @category indicators
 */
export const orsChange: Indicator<"orsChange"> = rate({
  id: "orsChange",
  name: { nb: "FIT: endring i ORS", en: "FIT: change in ORS" },
  definition: {
    numerator: {
      nb: "Innbyggere med pålitelig bedring (minst grensen for pålitelig endring), bedring over den kliniske grensen, eller forverring",
      en: "Citizens who reliably improved (by at least the reliable-change threshold), recovered across the clinical cutoff, or deteriorated",
    },
    denominator: {
      nb: "Innbyggere med minst to ORS-skårer (for bedring over grensen: de som startet under den kliniske grensen)",
      en: "Citizens with at least two ORS scores (for recovery: those who started below the clinical cutoff)",
    },
    unit: { nb: "poeng og andeler", en: "points and shares" },
    period: { nb: "ORS-skårer datert i perioden", en: "ORS scores dated in the period" },
  },
  dimensions: ["municipality", "offering", "category", "department", "year"],
  defaultBy: [],
  seed: {
    ...fitEvaluationLine,
    fact: {
      nb: "Mestringsenheten har valgt verktøyet Feedback informed treatment (FIT)",
      en: "The unit has chosen the tool Feedback Informed Treatment (FIT)",
    },
  },
  measures: [
    persons("citizens", { nb: "Innbyggere", en: "Citizens" }, "orsFollowed", "persons"),
    statistic("meanChange", { nb: "Gjennomsnittlig endring", en: "Mean change" }, "points", ["citizens"]),
    persons("improved", { nb: "Pålitelig bedring", en: "Reliably improved" }, "orsImproved", "persons"),
    share("improvedRate", { nb: "Andel bedring", en: "Share improved" }, "improved", "citizens"),
    persons(
      "clinicalStart",
      { nb: "Startet under grensen", en: "Started below the cutoff" },
      "orsClinicalStart",
      "persons",
    ),
    persons("recovered", { nb: "Bedring over grensen", en: "Reliably recovered" }, "orsRecovered", "persons"),
    share("recoveredRate", { nb: "Andel over grensen", en: "Share recovered" }, "recovered", "clinicalStart"),
    persons("deteriorated", { nb: "Forverring", en: "Deteriorated" }, "orsDeteriorated", "persons"),
    share("deterioratedRate", { nb: "Andel forverring", en: "Share deteriorated" }, "deteriorated", "citizens"),
  ],
  headline: "improvedRate",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const f = tables.fitScores
    const kept = mask(f, [{ column: "instrument", is: "equal", value: "ORS" }, daysWithin("day", from, to)])!
    const keys = [...by.map((d) => codedOf(f.column(d))!), citizenCodes(f.column("citizen"))]
    const forms = formsPerCitizen(keys, kept, valuesOf<number | null>(f, "order"))
    const changes = changesPerGroup(keys.slice(0, by.length), forms, {
      totals: valuesOf(f, "total"),
      clinicalAt: valuesOf(f, "orsClinical"),
      reliableAt: valuesOf(f, "reliableChange"),
    })
    const { groups, citizens, changeSum, changeValid } = changes
    // Groups whose citizens all had fewer than two forms drop out, as after a filter.
    const shown = groups.firstRow.flatMap((_, g) => (by.length === 0 || citizens[g]! > 0 ? [g] : []))
    const pick = (values: ArrayLike<number>) => shown.map((g) => values[g]!)
    // A sum over no citizen is missing, as the rollup gives it.
    const summed = (values: ArrayLike<number>) => shown.map((g) => (citizens[g]! > 0 ? values[g]! : undefined))
    return tableOf([
      ...by.map((d, k) => [d, shown.map((g) => keys[k]!.at(groups.firstRow[g]!))] as const),
      ["citizens", pick(citizens)],
      ["changeValid", pick(changeValid)],
      // Sum over count, as SQL's AVG: arquero's running mean can differ in the last bit.
      ["meanChange", shown.map((g) => changeSum[g]! / changeValid[g]!)],
      ["improved", summed(changes.improved)],
      ["clinicalStart", summed(changes.clinicalStart)],
      ["recovered", summed(changes.recovered)],
      ["deteriorated", summed(changes.deteriorated)],
    ])
  },
})

// Citizen codes as they stand when they are whole numbers from 0 (as the
// tables hold them), read in a loop of their own; else coded as any column.
const citizenCodes = (column: unknown): Coded => {
  if (column instanceof Int32Array) {
    let min = 0
    let max = -1
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!
      if (v < min) min = v
      if (v > max) max = v
    }
    if (min >= 0)
      return {
        codes: column,
        size: max + 1,
        value: (k) => k,
        at: (row) => column[row],
        valid: () => true,
        allValid: true,
      }
  }
  return codedOf(column)!
}

/** Per (dimensions, citizen): the ORS forms in the period and the smallest and largest order among them. */
interface Forms {
  readonly groups: KeyGroups
  readonly count: Float64Array
  readonly firstOrder: Float64Array
  readonly lastOrder: Float64Array
}

// Numbered in order of first appearance over every form, as the rollup
// kernel numbers its groups before it filters.
const formsPerCitizen = (keys: ReadonlyArray<Coded>, kept: Uint8Array, order: ArrayLike<number | null>): Forms => {
  let span = 1
  for (const k of keys) span *= k.size
  const groups = new KeyGroups(span)
  const N = kept.length
  const G = Math.min(span, N) + 1
  const count = new Float64Array(G)
  const firstOrder = new Float64Array(G)
  const lastOrder = new Float64Array(G)
  const ordered = new Uint8Array(G)
  for (let i = 0; i < N; i++) {
    let key = 0
    for (const k of keys) key = key * k.size + k.codes[i]!
    const g = groups.add(key, i)
    if (kept[i] !== 1) continue
    count[g]!++
    const o = order[i]
    if (o === null || o === undefined || Number.isNaN(o)) continue
    if (ordered[g] === 0 || o < firstOrder[g]!) firstOrder[g] = o
    if (ordered[g] === 0 || o > lastOrder[g]!) lastOrder[g] = o
    ordered[g] = 1
  }
  return { groups, count, firstOrder, lastOrder }
}

// Per citizen with two forms or more: the change from the first form to the
// last, judged by the thresholds of the forms' own dates (the first form's
// cutoff, the last form's cutoff and reliable change); summed per group of
// the dimensions (in order of first appearance among the citizens with a
// form), the citizens taken in their order.
const changesPerGroup = (
  byKeys: ReadonlyArray<Coded>,
  forms: Forms,
  scores: {
    readonly totals: ArrayLike<number>
    readonly clinicalAt: ArrayLike<number>
    readonly reliableAt: ArrayLike<number>
  },
) => {
  const { totals, clinicalAt, reliableAt } = scores
  let span = 1
  for (const k of byKeys) span *= k.size
  const groups = new KeyGroups(span)
  if (byKeys.length === 0) groups.add(0, 0)
  const H = Math.min(span, forms.groups.size) + 1
  const citizens = new Float64Array(H)
  const changeSum = new Float64Array(H)
  const changeValid = new Float64Array(H)
  const improved = new Float64Array(H)
  const clinicalStart = new Float64Array(H)
  const recovered = new Float64Array(H)
  const deteriorated = new Float64Array(H)
  for (let p = 0; p < forms.groups.size; p++) {
    const n = forms.count[p]!
    if (n === 0) continue
    const row = forms.groups.firstRow[p]!
    let key = 0
    for (const k of byKeys) key = key * k.size + k.codes[row]!
    const g = groups.add(key, row)
    if (!(n >= 2)) continue
    const first = rowOfOrder(forms.firstOrder[p]!)
    const last = rowOfOrder(forms.lastOrder[p]!)
    const c = totals[last]! - totals[first]!
    const reliable = reliableAt[last]!
    citizens[g]!++
    if (!Number.isNaN(c)) {
      changeSum[g]! += c
      changeValid[g]!++
    }
    if (c >= reliable) improved[g]!++
    if (c <= -reliable) deteriorated[g]!++
    clinicalStart[g]! += clinicalAt[first]!
    if (clinicalAt[first] === 1 && clinicalAt[last] === 0 && c >= reliable) recovered[g]!++
  }
  return { groups, citizens, changeSum, changeValid, improved, clinicalStart, recovered, deteriorated }
}

// `order % ORDER_SHIFT`, the form's row: the remainder of a float division is
// a slow library call, while this is exact for whole numbers from 0 (a
// power of two divides exactly).
const rowOfOrder = (order: number): number =>
  order >= 0 ? order - Math.floor(order / ORDER_SHIFT) * ORDER_SHIFT : order % ORDER_SHIFT
