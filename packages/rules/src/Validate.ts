/**
 * Load-time checks of a policy tree beyond each file's shape: every fact,
 * operator, parameter, offering and code a rule names must exist (with a
 * "did you mean"); comparisons must make sense for the fact's type; a rule's
 * versions may neither overlap nor leave gaps; and every parameter a rule or
 * the catalogue needs must have a value from the day it is needed.
 *
 * @module
 */
import type { Bilingual, Catalogue } from "@aktivitetsmodell/core"
import { IsoDate, Suggest } from "@aktivitetsmodell/core"
import { type Domain, domainValues, type FactType, names as factNames, all as facts, isFact } from "./Facts.js"
import { guard } from "./internal/boundary.js"
import { own } from "./internal/own.js"
import { child } from "./internal/pointer.js"
import type { Finding } from "./internal/shape.js"
import { quote } from "./internal/text.js"
import { isOperator, names as operatorNames, all as operators } from "./Operators.js"
import type { Outcome } from "./Outcome.js"
import { actions, recipients, vocabulary } from "./Outcome.js"
import type { Parameter } from "./Parameters.js"
import { wholeMonths } from "./PeriodLength.js"
import type { FactRef, Literal, RuleFile, TopCondition } from "./RuleFile.js"
import { isFactRef, leaves } from "./RuleFile.js"

/**
 * A finding in a named file.
 * @category models
 */
export interface FileFinding extends Finding {
  readonly file: string
}

type Operand =
  | { readonly kind: "number" | "boolean" | "date" | "duration" | "null" }
  | { readonly kind: "text"; readonly domain?: Domain }
  | { readonly kind: "list"; readonly domain: Domain }
  | { readonly kind: "array" }

const typeName = (t: Operand) =>
  ({
    number: { nb: "et tall", en: "a number" },
    boolean: { nb: "sann/usann", en: "true/false" },
    date: { nb: "en dato", en: "a date" },
    duration: { nb: "en varighet", en: "a duration" },
    null: { nb: "null", en: "null" },
    text: { nb: "en tekst", en: "a text" },
    list: { nb: "et listefaktum", en: "a list fact" },
    array: { nb: "en liste", en: "a list" },
  })[t.kind]

const ofFactType = (t: FactType): Operand =>
  t.kind === "text" || t.kind === "list" ? { kind: t.kind, domain: t.domain } : { kind: t.kind }

const ofLiteral = (v: Literal): Operand =>
  v === null
    ? { kind: "null" }
    : Array.isArray(v)
      ? { kind: "array" }
      : typeof v === "number"
        ? { kind: "number" }
        : typeof v === "boolean"
          ? { kind: "boolean" }
          : IsoDate.isIsoDate(v)
            ? { kind: "date" }
            : { kind: "text" }

interface Context {
  readonly file: string
  readonly catalogue: Catalogue.Catalogue
  readonly parameters: ReadonlyMap<string, Parameter>
  /** Parameter files that exist but did not load: already reported at their own file. */
  readonly broken: ReadonlySet<string>
  readonly out: Array<FileFinding>
}

const error = (ctx: Context, pointer: string, code: Finding["code"], message: Bilingual) =>
  ctx.out.push({ file: ctx.file, pointer, code, severity: "error", message })

const domainNames: Record<Domain, { en: string; nb: string; code: Finding["code"] }> = {
  offering: { en: "offering", nb: "tilbud", code: "unknown-offering" },
  category: { en: "category", nb: "kategori", code: "unknown-code" },
  department: { en: "department", nb: "avdeling", code: "unknown-code" },
  "offering-status": { en: "offering status", nb: "tilbudsstatus", code: "unknown-code" },
  "goal-reached": { en: "goal finding", nb: "måloppnåelse", code: "unknown-code" },
  "proposal-decision": { en: "decision", nb: "beslutning", code: "unknown-code" },
}

const checkCode = (ctx: Context, pointer: string, domain: Domain, value: string) => {
  const known: ReadonlyArray<string> = domainValues(domain, ctx.catalogue)
  if (known.includes(value)) return
  const d = domainNames[domain]
  const dym = Suggest.didYouMean(value, known)
  const v = quote(value)
  error(ctx, pointer, d.code, { en: `Unknown ${d.en} ${v.en}${dym.en}`, nb: `Ukjent ${d.nb} ${v.nb}${dym.nb}` })
}

/** The operand a reference stands for, or undefined after reporting why it is unknown. */
const operandOf = (ctx: Context, ref: FactRef, pointer: string): Operand | undefined => {
  if (ref.fact === "parameter") {
    const name = ref.params?.name ?? ""
    const p = ctx.parameters.get(name)
    if (p === undefined) {
      // A file that exists but did not load has been reported at the file.
      if (ctx.broken.has(name)) return undefined
      const dym = Suggest.didYouMean(name, ctx.parameters.keys())
      const n = quote(name)
      error(ctx, `${pointer}/params/name`, "unknown-parameter", {
        en: `Unknown parameter ${n.en}${dym.en}`,
        nb: `Ukjent parameter ${n.nb}${dym.nb}`,
      })
      return undefined
    }
    if (p.datedBy === "enrollment-start") {
      // A rule's parameters are read on the question's date; a value chosen by
      // the enrollment's first day reaches a rule through a fact such as sessionLimit.
      const n = quote(name)
      error(ctx, `${pointer}/params/name`, "dated-by", {
        en: `The parameter ${n.en} is dated by the enrollment's first day, so a rule cannot read it directly; use the fact computed from it (sessionLimit, weekLimit, sessionsPerWeekLimit, extensionLimit, cohortEnd)`,
        nb: `Parameteren ${n.nb} dateres etter deltagelsens første dag, så en regel kan ikke lese den direkte; bruk faktumet som regnes ut fra den (sessionLimit, weekLimit, sessionsPerWeekLimit, extensionLimit, cohortEnd)`,
      })
      return undefined
    }
    return { kind: p.type }
  }
  if (!isFact(ref.fact)) {
    const dym = Suggest.didYouMean(ref.fact, factNames)
    const f = quote(ref.fact)
    error(ctx, `${pointer}/fact`, "unknown-fact", {
      en: `Unknown fact ${f.en}${dym.en}`,
      nb: `Ukjent faktum ${f.nb}${dym.nb}`,
    })
    return undefined
  }
  return ofFactType(facts[ref.fact].type)
}

const sameScalar = (a: Operand, b: Operand): boolean => {
  if (b.kind === "null") return true
  if (a.kind === "text" && b.kind === "text")
    return a.domain === undefined || b.domain === undefined || a.domain === b.domain
  return a.kind === b.kind
}

const mismatch = (ctx: Context, pointer: string, operator: string, left: Operand, right: Operand) => {
  const l = typeName(left)
  const r = typeName(right)
  error(ctx, pointer, "type-mismatch", {
    en: `"${operator}" cannot compare ${l.en} with ${r.en}`,
    nb: `«${operator}» kan ikke sammenligne ${l.nb} med ${r.nb}`,
  })
}

const checkLiteralCodes = (ctx: Context, pointer: string, domain: Domain | undefined, v: Literal) => {
  if (domain === undefined) return
  if (typeof v === "string") checkCode(ctx, pointer, domain, v)
  if (Array.isArray(v))
    v.forEach((x, i) => {
      if (typeof x === "string") checkCode(ctx, child(pointer, i), domain, x)
    })
}

const checkLeaf = (
  ctx: Context,
  leaf: { fact: string; operator: string; value: Literal | FactRef; params?: { name: string } },
  pointer: string,
) => {
  const left = operandOf(
    ctx,
    { fact: leaf.fact, ...(leaf.params === undefined ? {} : { params: leaf.params }) },
    pointer,
  )
  if (!isOperator(leaf.operator)) {
    const dym = Suggest.didYouMean(leaf.operator, operatorNames)
    const o = quote(leaf.operator)
    error(ctx, `${pointer}/operator`, "unknown-operator", {
      en: `Unknown operator ${o.en}${dym.en}`,
      nb: `Ukjent operator ${o.nb}${dym.nb}`,
    })
  }
  const valuePointer = `${pointer}/value`
  const right = isFactRef(leaf.value) ? operandOf(ctx, leaf.value, valuePointer) : ofLiteral(leaf.value)
  if (left === undefined || right === undefined || !isOperator(leaf.operator)) return
  const shape = operators[leaf.operator].shape
  const literal = isFactRef(leaf.value) ? undefined : leaf.value
  const leftDomain = left.kind === "text" || left.kind === "list" ? left.domain : undefined
  switch (shape) {
    case "scalar":
      if (left.kind === "list" || right.kind === "array" || right.kind === "list" || !sameScalar(left, right))
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      if (literal !== undefined) checkLiteralCodes(ctx, valuePointer, leftDomain, literal)
      return
    case "ordered":
      if (!((left.kind === "number" || left.kind === "date") && right.kind === left.kind))
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      return
    case "member":
      if (left.kind === "list" || !(right.kind === "array" || right.kind === "list"))
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      if (right.kind === "list" && leftDomain !== right.domain)
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      if (Array.isArray(literal)) {
        literal.forEach((x, i) => {
          const t = ofLiteral(x)
          if (!sameScalar(left, t)) mismatch(ctx, child(valuePointer, i), leaf.operator, left, t)
        })
        checkLiteralCodes(ctx, valuePointer, leftDomain, literal)
      }
      return
    case "list":
      if (
        left.kind !== "list" ||
        right.kind === "array" ||
        right.kind === "list" ||
        !(right.kind === "text" || right.kind === "null")
      ) {
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      }
      if (right.kind === "text" && right.domain !== undefined && right.domain !== left.domain)
        return mismatch(ctx, valuePointer, leaf.operator, left, right)
      if (literal !== undefined) checkLiteralCodes(ctx, valuePointer, left.domain, literal)
  }
}

const checkOutcome = (ctx: Context, rule: RuleFile, o: Outcome, pointer: string) => {
  const known = vocabulary[rule.kind]
  // Own entries only: an outcome named "constructor" or "toString" is unknown, not inherited.
  const info = own(known, o.type)
  const type = quote(o.type)
  if (info === undefined) {
    const dym = Suggest.didYouMean(o.type, Object.keys(known))
    const article = /^[aeiou]/u.test(rule.kind) ? "an" : "a"
    error(ctx, `${pointer}/type`, "unknown-outcome", {
      en: `Unknown outcome ${type.en} for ${article} ${rule.kind} rule${dym.en}`,
      nb: `Ukjent utfall ${type.nb} for en ${rule.kind}-regel${dym.nb}`,
    })
    return
  }
  const params = o.params ?? {}
  const paramsPointer = child(pointer, "params")
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(info.params, key)) {
      const dym = Suggest.didYouMean(key, Object.keys(info.params))
      const k = quote(key)
      error(ctx, child(paramsPointer, key), "shape", {
        en: `${type.en} takes no parameter ${k.en}${dym.en}`,
        nb: `${type.nb} tar ingen parameter ${k.nb}${dym.nb}`,
      })
    }
  }
  for (const [key, what] of Object.entries(info.params)) {
    const v = own(params, key)
    if (v === undefined) {
      error(ctx, `${pointer}`, "shape", {
        en: `${type.en} needs params.${key}`,
        nb: `${type.nb} trenger params.${key}`,
      })
      continue
    }
    const p = child(paramsPointer, key)
    if (what === "offering") checkCode(ctx, p, "offering", v)
    else {
      const codes = Object.keys(what === "recipient" ? recipients : actions)
      if (!codes.includes(v)) {
        const dym = Suggest.didYouMean(v, codes)
        const shown = quote(v)
        error(ctx, p, "unknown-code", {
          en: `Unknown ${what === "recipient" ? "recipient" : "action"} ${shown.en}${dym.en}`,
          nb: `Ukjent ${what === "recipient" ? "mottaker" : "handling"} ${shown.nb}${dym.nb}`,
        })
      }
    }
  }
}

const firstValue = (p: Parameter): string | undefined => p.values[0]?.from

const checkPeriods = (ctx: Context, rule: RuleFile) => {
  rule.versions.forEach((v, i) => {
    if (i === 0) return
    const prev = rule.versions[i - 1]!
    const at = `/versions/${i}/effective/from`
    if (v.effective.from <= prev.effective.from) {
      error(ctx, at, "period-order", {
        en: `Versions must be in date order; version ${i + 1} starts ${v.effective.from}, not after version ${i} (${prev.effective.from})`,
        nb: `Versjonene må stå i datorekkefølge; versjon ${i + 1} starter ${v.effective.from}, ikke etter versjon ${i} (${prev.effective.from})`,
      })
    } else if (prev.effective.to === undefined || prev.effective.to >= v.effective.from) {
      const end = prev.effective.to ?? "…"
      error(ctx, at, "period-overlap", {
        en: `Version ${i + 1} starts ${v.effective.from}, while version ${i} (${prev.effective.from} – ${end}) is still in force; end version ${i} on ${IsoDate.addDays(v.effective.from, -1)}`,
        nb: `Versjon ${i + 1} starter ${v.effective.from} mens versjon ${i} (${prev.effective.from} – ${end}) fortsatt gjelder; avslutt versjon ${i} ${IsoDate.addDays(v.effective.from, -1)}`,
      })
    } else if (IsoDate.addDays(prev.effective.to, 1) < v.effective.from) {
      const gapFrom = IsoDate.addDays(prev.effective.to, 1)
      const gapTo = IsoDate.addDays(v.effective.from, -1)
      error(ctx, at, "period-gap", {
        en: `No version is in force from ${gapFrom} to ${gapTo}; version ${i} ends ${prev.effective.to} and version ${i + 1} starts ${v.effective.from}: end version ${i} on ${gapTo}, or start version ${i + 1} on ${gapFrom}`,
        nb: `Ingen versjon gjelder fra ${gapFrom} til ${gapTo}; versjon ${i} slutter ${prev.effective.to} og versjon ${i + 1} starter ${v.effective.from}: avslutt versjon ${i} ${gapTo}, eller start versjon ${i + 1} ${gapFrom}`,
      })
    }
  })
}

const checkParameterCoverage = (
  ctx: Context,
  name: string,
  from: string,
  pointer: string,
  what: { en: string; nb: string },
) => {
  const p = ctx.parameters.get(name)
  if (p === undefined) return
  const start = firstValue(p)
  if (start !== undefined && start > from) {
    const file = p.file
    error(ctx, pointer, "parameter-missing", {
      en: `The parameter ${name} has no value on ${from}, when ${what.en} comes into force; its first value is from ${start}: give ${file} a value from ${from}`,
      nb: `Parameteren ${name} har ingen verdi ${from}, når ${what.nb} trer i kraft; første verdi er fra ${start}: gi ${file} en verdi fra ${from}`,
    })
  }
}

/** Parameters a fact needs whatever the offering (those with `{offering}` depend on it and may be absent). */
const globalParameters = (fact: string): ReadonlyArray<string> =>
  isFact(fact)
    ? ((facts[fact] as { parameters?: ReadonlyArray<string> }).parameters ?? []).filter(
        (p) => !p.includes("{offering}"),
      )
    : []

const checkRule = (ctx: Context, rule: RuleFile) => {
  checkPeriods(ctx, rule)
  rule.versions.forEach((v, i) => {
    const base = `/versions/${i}`
    const trees: Array<[TopCondition, string]> = [[v.conditions, `${base}/conditions`]]
    if (v.appliesWhen !== undefined) trees.unshift([v.appliesWhen, `${base}/appliesWhen`])
    const what = { en: `version ${i + 1}`, nb: `versjon ${i + 1}` }
    for (const [tree, at] of trees) {
      for (const [leaf, pointer] of leaves(tree, at)) {
        checkLeaf(ctx, leaf, pointer)
        const refs: Array<[FactRef, string]> = [
          [{ fact: leaf.fact, ...(leaf.params === undefined ? {} : { params: leaf.params }) }, pointer],
        ]
        if (isFactRef(leaf.value)) refs.push([leaf.value, `${pointer}/value`])
        for (const [ref, p] of refs) {
          if (ref.fact === "parameter" && ref.params !== undefined)
            checkParameterCoverage(ctx, ref.params.name, v.effective.from, `${p}/params/name`, what)
          for (const name of globalParameters(ref.fact)) {
            if (ctx.broken.has(name)) continue
            if (!ctx.parameters.has(name)) {
              error(ctx, `${p}/fact`, "parameter-missing", {
                en: `The fact ${ref.fact} is computed from the parameter ${name}, which the tree does not have`,
                nb: `Faktumet ${ref.fact} regnes ut fra parameteren ${name}, som treet ikke har`,
              })
            } else checkParameterCoverage(ctx, name, v.effective.from, `${p}/fact`, what)
          }
        }
      }
    }
    checkOutcome(ctx, rule, v.event, `${base}/event`)
    checkOutcome(ctx, rule, v.otherwise, `${base}/otherwise`)
  })
}

/**
 * The parameters core, the catalogue and analytics need, each with why:
 * core's policy numbers, the number of extensions of a treatment, the
 * transition for discontinued offerings, the monthly cohort length, the
 * FIT thresholds and the disclosure profiles. An offering's own limits
 * (sessions, weeks) are optional: without one it has no such limit.
 * @example
 * Validate.requiredParameters(Catalogue.sandnes()).map((r) => r.name)
 * @category validation
 */
export const requiredParameters = guard(
  "Validate.requiredParameters",
  { nb: "(catalogue: Catalogue)", en: "(catalogue: Catalogue)" },
  (
    catalogue: Catalogue.Catalogue,
  ): ReadonlyArray<{ readonly name: string; readonly why: { readonly en: string; readonly nb: string } }> => {
    const out: Array<{ name: string; why: { en: string; nb: string } }> = [
      {
        name: "model.start",
        why: {
          nb: "kjernens invarianter regner avdelingenes bidrag fra modellens oppstart",
          en: "core's invariants count department contributions from the model's start",
        },
      },
      {
        name: "citizen.minimum-age",
        why: { nb: "kjernens invarianter leser minstealderen", en: "core's invariants read the minimum age" },
      },
      {
        name: "departments.contribution-percent",
        why: {
          nb: "kjernens invarianter leser avdelingenes bidrag",
          en: "core's invariants read the department contribution",
        },
      },
      {
        name: "offerings.price-nok",
        why: { nb: "kjernens invarianter leser prisen", en: "core's invariants read the price" },
      },
      ...["ors-cutoff", "srs-alert-below", "ors-reliable-change"].map((p) => ({
        name: `fit.${p}`,
        why: { nb: "analysepakkens FIT-indikatorer leser den", en: "the analytics package's FIT indicators read it" },
      })),
      ...["strict-min", "strict-max", "ssb-max-n", "rounding-base"].map((p) => ({
        name: `privacy.${p}`,
        why: {
          nb: "analysepakkens profiler for skjerming av små tall leser den",
          en: "the analytics package's disclosure profiles read it",
        },
      })),
    ]
    const add = (name: string, why: Bilingual) => {
      if (!out.some((o) => o.name === name)) out.push({ name, why })
    }
    for (const o of catalogue.offerings) {
      if (o.category === "treatment")
        add("treatment.max-extensions", { en: "treatments may be extended", nb: "behandlinger kan forlenges" })
      if (o.schedule.frequency === "monthly-cohort")
        add(`offerings.${o.id}.cohort-length`, {
          en: `${o.name.en} starts a new group every month`,
          nb: `${o.name.nb} starter ny gruppe hver måned`,
        })
      if (o.status.kind === "discontinued") {
        add("transition.duration", {
          en: `${o.name.en} is discontinued after a transition`,
          nb: `${o.name.nb} avvikles etter en overgangsperiode`,
        })
      }
    }
    return out
  },
)

const knownOfferingParameters = ["sessions", "weeks", "sessions-per-week", "cohort-length"]

const checkParameters = (
  catalogue: Catalogue.Catalogue,
  parameters: ReadonlyMap<string, Parameter>,
  firstRuleDate: string | undefined,
  used: ReadonlySet<string>,
  broken: ReadonlySet<string>,
  out: Array<FileFinding>,
) => {
  const required = requiredParameters(catalogue)
  for (const r of required) {
    const p = parameters.get(r.name)
    // A missing parameter is to be written in YAML, as the shipped ones are.
    const file = p?.file ?? `parameters/${r.name.split(".").join("/")}.yaml`
    // A file that exists but did not load has already been reported.
    if (p === undefined && broken.has(r.name)) continue
    if (p === undefined) {
      out.push({
        file,
        pointer: "",
        code: "parameter-missing",
        severity: "error",
        message: {
          nb: `Parameteren ${r.name} mangler: ${r.why.nb}; legg til denne filen`,
          en: `The parameter ${r.name} is missing: ${r.why.en}; add this file`,
        },
      })
    } else if (firstRuleDate !== undefined && (firstValue(p) ?? "") > firstRuleDate) {
      out.push({
        file,
        pointer: "/values/0/from",
        code: "parameter-missing",
        severity: "error",
        message: {
          nb: `Parameteren ${r.name} har ingen verdi ${firstRuleDate}, når de første reglene trer i kraft; ${r.why.nb}`,
          en: `The parameter ${r.name} has no value on ${firstRuleDate}, when the first rules come into force; ${r.why.en}`,
        },
      })
    }
  }
  const offeringIds: ReadonlyArray<string> = catalogue.offerings.map((o) => o.id)
  for (const p of parameters.values()) {
    const parts = p.name.split(".")
    if (parts[0] === "offerings" && parts.length === 3) {
      const id = parts[1]!
      if (!offeringIds.includes(id)) {
        const dym = Suggest.didYouMean(id, offeringIds)
        const shown = quote(id)
        out.push({
          file: p.file,
          pointer: "",
          code: "unknown-offering",
          severity: "error",
          message: {
            nb: `Ukjent tilbud ${shown.nb} i parameterens sti${dym.nb}`,
            en: `Unknown offering ${shown.en} in the parameter's path${dym.en}`,
          },
        })
      } else if (!knownOfferingParameters.includes(parts[2]!)) {
        const dym = Suggest.didYouMean(parts[2]!, knownOfferingParameters)
        const shown = quote(parts[2]!)
        out.push({
          file: p.file,
          pointer: "",
          code: "unknown-parameter",
          severity: "error",
          message: {
            nb: `Et tilbud har ingen grense ${shown.nb}; forventet ${knownOfferingParameters.join(", ")}${dym.nb}`,
            en: `An offering has no limit ${shown.en}; expected ${knownOfferingParameters.join(", ")}${dym.en}`,
          },
        })
      }
    } else if (!used.has(p.name) && !required.some((r) => r.name === p.name)) {
      out.push({
        file: p.file,
        pointer: "",
        code: "unknown-parameter",
        severity: "warning",
        message: { nb: `Ingen regel bruker parameteren ${p.name}`, en: `No rule uses the parameter ${p.name}` },
      })
    }
    if (p.name === "transition.duration") {
      p.values.forEach((e, i) => {
        if (typeof e.value === "string" && wholeMonths(e.value) === undefined) {
          out.push({
            file: p.file,
            pointer: `/values/${i}/value`,
            code: "type-mismatch",
            severity: "error",
            message: {
              nb: "Overgangsperioden regnes i hele måneder (som P2M), slik katalogen lagrer den",
              en: "The transition is counted in whole months (such as P2M), as the catalogue stores it",
            },
          })
        }
      })
    }
  }
}

/**
 * Checks decoded rules and parameters against the fact, operator, outcome
 * and offering catalogues and against each other. Returns every finding.
 * `brokenParameters` names parameter files that exist but did not decode,
 * so they are not reported again as missing.
 * @example
 * const findings = Validate.check(rules, parameters, Catalogue.sandnes())
 * @category validation
 */
export const check = guard(
  "Validate.check",
  {
    nb: "(rules: ReadonlyArray<RuleFile>, parameters: ReadonlyMap<string, Parameter>, catalogue: Catalogue, options?: { brokenParameters?: ReadonlySet<string> })",
    en: "(rules: ReadonlyArray<RuleFile>, parameters: ReadonlyMap<string, Parameter>, catalogue: Catalogue, options?: { brokenParameters?: ReadonlySet<string> })",
  },
  (
    rules: ReadonlyArray<RuleFile>,
    parameters: ReadonlyMap<string, Parameter>,
    catalogue: Catalogue.Catalogue,
    options: { readonly brokenParameters?: ReadonlySet<string> } = {},
  ): ReadonlyArray<FileFinding> => {
    const out: Array<FileFinding> = []
    const used = new Set<string>()
    const broken = options.brokenParameters ?? new Set()
    for (const rule of rules) {
      checkRule({ file: rule.file, catalogue, parameters, broken, out }, rule)
      for (const v of rule.versions) {
        for (const tree of [v.appliesWhen, v.conditions]) {
          if (tree === undefined) continue
          for (const [leaf] of leaves(tree, "")) {
            if (leaf.params !== undefined) used.add(leaf.params.name)
            if (isFactRef(leaf.value) && leaf.value.params !== undefined) used.add(leaf.value.params.name)
            for (const f of [leaf.fact, isFactRef(leaf.value) ? leaf.value.fact : undefined])
              if (f !== undefined) for (const n of globalParameters(f)) used.add(n)
          }
        }
      }
    }
    const firstRuleDate = rules.flatMap((r) => r.versions.map((v) => v.effective.from)).sort()[0]
    checkParameters(catalogue, parameters, firstRuleDate, used, broken, out)
    return out
  },
)
