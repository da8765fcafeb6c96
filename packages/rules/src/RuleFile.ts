/**
 * A rule file: json-rules-engine conditions and events, wrapped in the
 * metadata a policy officer needs — a title, a description, the source, and
 * dated versions, each with its effective period. A rule's id is its path in
 * the tree (`eligibility/karate-needs-intake`) and its kind is its folder.
 *
 * Each version says when the rule applies (`appliesWhen`), what it tests
 * (`conditions`), the outcome when the test holds (`event`) and when it does
 * not (`otherwise`). Both condition trees are json-rules-engine's format,
 * restricted to what is safe and explainable: no `path`, no condition
 * references, no priorities, and only the built-in operators.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import type { IsoDate } from "@aktivitetsmodell/core"
import { guard, requireString } from "./internal/boundary.js"
import { child } from "./internal/pointer.js"
import { type Finding, type Json, isObject, Reader } from "./internal/read.js"
import { readSource } from "./internal/source.js"
import { bi, quote } from "./internal/text.js"
import type { Kind, Outcome } from "./Outcome.js"
import { kinds } from "./Outcome.js"
import type { Source } from "./Source.js"

/**
 * A literal on the right-hand side of a condition.
 * @category models
 */
export type Literal = string | number | boolean | null | ReadonlyArray<string | number | boolean | null>

/**
 * A reference to another fact, or to a parameter (`{ "fact": "parameter", "params": { "name": "…" } }`).
 * @category models
 */
export interface FactRef {
  readonly fact: string
  readonly params?: { readonly name: string }
}

/**
 * A comparison: fact, operator, value.
 * @category models
 */
export interface Leaf {
  readonly fact: string
  readonly operator: string
  readonly value: Literal | FactRef
  readonly params?: { readonly name: string }
}

/** @category models */
export interface All {
  readonly all: ReadonlyArray<Condition>
}
/** @category models */
export interface Any {
  readonly any: ReadonlyArray<Condition>
}
/** @category models */
export interface Not {
  readonly not: Condition
}

/**
 * A condition tree node.
 * @category models
 */
export type Condition = All | Any | Not | Leaf

/**
 * A condition tree's root, which json-rules-engine requires to be `all`, `any` or `not`.
 * @category models
 */
export type TopCondition = All | Any | Not

/**
 * An effective period; `to` is the last day (inclusive), absent while in force.
 * @category models
 */
export interface Period {
  readonly from: IsoDate.IsoDate
  readonly to?: IsoDate.IsoDate
}

/**
 * One dated version of a rule. `number` counts from 1 in file order.
 * @category models
 */
export interface Version {
  readonly number: number
  readonly effective: Period
  readonly appliesWhen?: TopCondition
  readonly conditions: TopCondition
  readonly event: Outcome
  readonly otherwise: Outcome
  readonly source?: Source
  readonly note?: Bilingual
  /** Outcomes no case can reach, each with the reason, so coverage does not ask for them (see `Coverage`). */
  readonly unreachable?: { readonly event?: Bilingual; readonly otherwise?: Bilingual }
}

/**
 * A decoded rule file.
 * @category models
 */
export interface RuleFile {
  readonly id: string
  readonly file: string
  readonly kind: Kind
  readonly title: Bilingual
  readonly description: Bilingual
  readonly source: Source
  readonly versions: ReadonlyArray<Version>
}

/**
 * True for a comparison leaf.
 * @example
 * RuleFile.isLeaf({ fact: "age", operator: "lessThan", value: 18 }) // true
 * @category predicates
 */
export const isLeaf = guard("RuleFile.isLeaf", bi("(condition: Condition)", "(condition: Condition)"), (c: Condition): c is Leaf => isObject(c) && Object.hasOwn(c, "fact"))

/**
 * True for a `{ "fact": … }` reference on a condition's right-hand side.
 * @example
 * RuleFile.isFactRef({ fact: "parameter", params: { name: "fit.ors-cutoff" } }) // true
 * @category predicates
 */
export const isFactRef = guard("RuleFile.isFactRef", bi("(value: Literal | FactRef)", "(value: Literal | FactRef)"), (v: Literal | FactRef): v is FactRef => typeof v === "object" && v !== null && !Array.isArray(v))

/**
 * The rule id and kind a file's path gives: `duration/session-limit.json` →
 * `duration/session-limit`, kind `duration`. Undefined when the path is not
 * under a kind's folder.
 * @example
 * RuleFile.idOf("escalation/fit-ors-below-cutoff.json") // { id: "escalation/fit-ors-below-cutoff", kind: "escalation" }
 * @category constructors
 */
export const idOf = guard("RuleFile.idOf", bi("(file: string)", "(file: string)"), (file: string): { readonly id: string; readonly kind: Kind } | undefined => {
  requireString("RuleFile.idOf", "file", file)
  const kind = kinds.find((k) => file.startsWith(`${k}/`))
  return kind === undefined ? undefined : { id: file.endsWith(".json") ? file.slice(0, -".json".length) : file, kind }
})

const why = {
  path: bi(
    "rule files may not use path expressions; json-rules-engine evaluates them with jsonpath-plus, which can run script. Use a fact from the catalogue instead",
    "regelfiler kan ikke bruke stiuttrykk; json-rules-engine tolker dem med jsonpath-plus, som kan kjøre skript. Bruk et faktum fra katalogen i stedet"
  ),
  priority: bi(
    "priorities make json-rules-engine skip conditions, so an explanation would miss them",
    "prioriteter får json-rules-engine til å hoppe over betingelser, så en forklaring ville mangle dem"
  ),
  condition: bi(
    "shared condition references are not supported; write the conditions out in the rule",
    "referanser til delte betingelser støttes ikke; skriv betingelsene i regelen"
  ),
  operators: bi("rule files cannot define operators", "regelfiler kan ikke definere operatorer"),
  onSuccess: bi("rule files cannot carry code", "regelfiler kan ikke inneholde kode"),
  onFailure: bi("rule files cannot carry code", "regelfiler kan ikke inneholde kode")
}

// Deeper trees are no use to a reader and could exhaust the stack.
const maxDepth = 24

const isScalar = (u: unknown): u is string | number | boolean | null =>
  u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u))

const readParams = (r: Reader, u: unknown, pointer: string): { readonly name: string } | undefined => {
  const o = r.object(u, pointer, ["name"], [])
  if (o === undefined || !Object.hasOwn(o, "name")) return undefined
  const name = r.string(o["name"], child(pointer, "name"))
  return name === undefined ? undefined : { name }
}

const readValue = (r: Reader, u: Json | undefined, pointer: string): Literal | FactRef | undefined => {
  if (isScalar(u)) return u
  if (Array.isArray(u)) {
    let ok = true
    u.forEach((item, i) => {
      if (!isScalar(item)) {
        ok = false
        r.error(child(pointer, i), "shape", "Expected a text, number, true/false or null in the list", "Forventet en tekst, et tall, sann/usann eller null i listen")
      }
    })
    return ok ? (u as ReadonlyArray<string | number | boolean | null>) : undefined
  }
  if (isObject(u)) {
    const o = r.object(u, pointer, ["fact"], ["params"], { path: why.path })
    if (o === undefined || typeof o["fact"] !== "string") {
      if (o !== undefined && Object.hasOwn(o, "fact")) r.expected(child(pointer, "fact"), bi("a fact name", "et faktanavn"), o["fact"])
      return undefined
    }
    return readRef(r, o["fact"], o, pointer)
  }
  r.error(pointer, "shape", 'Expected a value: a text, number, true/false, null, a list, or a reference {"fact": …}', "Forventet en verdi: en tekst, et tall, sann/usann, null, en liste eller en referanse {\"fact\": …}")
  return undefined
}

const readRef = (r: Reader, fact: string, o: { readonly [k: string]: Json }, pointer: string): FactRef | undefined => {
  if (fact === "parameter") {
    if (!Object.hasOwn(o, "params")) {
      r.error(pointer, "shape", 'The fact "parameter" needs "params": { "name": "<parameter>" }', "Faktumet «parameter» trenger «params»: { \"name\": \"<parameter>\" }")
      return undefined
    }
    const params = readParams(r, o["params"], child(pointer, "params"))
    return params === undefined ? undefined : { fact, params }
  }
  if (Object.hasOwn(o, "params")) {
    r.error(child(pointer, "params"), "forbidden", '"params" is only for the fact "parameter"', "«params» brukes bare med faktumet «parameter»")
    return undefined
  }
  return { fact }
}

const readCondition = (r: Reader, u: unknown, pointer: string, depth: number): Condition | undefined => {
  if (depth > maxDepth) {
    r.error(pointer, "shape", `Conditions may nest at most ${maxDepth} levels`, `Betingelser kan nøstes i høyst ${maxDepth} nivåer`)
    return undefined
  }
  if (!isObject(u)) {
    r.expected(pointer, bi('a condition: {"all": […]}, {"any": […]}, {"not": …} or {"fact", "operator", "value"}', 'en betingelse: {"all": […]}, {"any": […]}, {"not": …} eller {"fact", "operator", "value"}'), u)
    return undefined
  }
  for (const op of ["all", "any"] as const) {
    if (Object.hasOwn(u, op)) {
      const o = r.object(u, pointer, [op], [], { priority: why.priority, condition: why.condition, path: why.path })
      const list = o === undefined ? undefined : r.array(u[op], child(pointer, op))
      if (list === undefined) return undefined
      const items = list.map((c, i) => readCondition(r, c, child(child(pointer, op), i), depth + 1))
      if (!items.every((c): c is Condition => c !== undefined)) return undefined
      return op === "all" ? { all: items } : { any: items }
    }
  }
  if (Object.hasOwn(u, "not")) {
    r.object(u, pointer, ["not"], [], { priority: why.priority, condition: why.condition, path: why.path })
    if (Array.isArray(u["not"])) {
      r.error(child(pointer, "not"), "shape", '"not" takes one condition, not a list', "«not» tar én betingelse, ikke en liste")
      return undefined
    }
    const inner = readCondition(r, u["not"], child(pointer, "not"), depth + 1)
    return inner === undefined ? undefined : { not: inner }
  }
  if (Object.hasOwn(u, "condition") && !Object.hasOwn(u, "fact")) {
    r.error(child(pointer, "condition"), "forbidden", `"condition" is not allowed: ${why.condition.en}`, `«condition» er ikke tillatt: ${why.condition.nb}`)
    return undefined
  }
  const o = r.object(u, pointer, ["fact", "operator", "value"], ["params"], { path: why.path, priority: why.priority, condition: why.condition })
  if (o === undefined) return undefined
  const fact = Object.hasOwn(o, "fact") ? r.string(o["fact"], child(pointer, "fact")) : undefined
  const operator = Object.hasOwn(o, "operator") ? r.string(o["operator"], child(pointer, "operator")) : undefined
  const value = Object.hasOwn(o, "value") ? readValue(r, o["value"], child(pointer, "value")) : undefined
  if (fact === undefined || operator === undefined || !Object.hasOwn(o, "value") || (value === undefined && o["value"] !== null)) return undefined
  const ref = readRef(r, fact, o, pointer)
  if (ref === undefined) return undefined
  return { fact, operator, value: value ?? null, ...(ref.params === undefined ? {} : { params: ref.params }) }
}

const readTop = (r: Reader, u: unknown, pointer: string): TopCondition | undefined => {
  if (isObject(u) && !Object.hasOwn(u, "all") && !Object.hasOwn(u, "any") && !Object.hasOwn(u, "not")) {
    r.error(pointer, "shape", 'The root of a condition tree must be "all", "any" or "not", as json-rules-engine requires', "Roten i et betingelsestre må være «all», «any» eller «not», slik json-rules-engine krever")
    return undefined
  }
  return readCondition(r, u, pointer, 0) as TopCondition | undefined
}

const readOutcome = (r: Reader, u: unknown, pointer: string): Outcome | undefined => {
  const o = r.object(u, pointer, ["type"], ["params"], { onSuccess: why.onSuccess, onFailure: why.onFailure })
  if (o === undefined) return undefined
  const type = Object.hasOwn(o, "type") ? r.string(o["type"], child(pointer, "type")) : undefined
  if (!Object.hasOwn(o, "params")) return type === undefined ? undefined : { type }
  const p = r.object(o["params"], child(pointer, "params"), [], Object.keys(isObject(o["params"]) ? o["params"] : {}))
  if (p === undefined || type === undefined) return undefined
  // No prototype: a key "__proto__" stays a key, which the validator reports.
  const params: Record<string, string> = Object.create(null) as Record<string, string>
  let ok = true
  for (const [k, v] of Object.entries(p)) {
    const s = r.string(v, child(child(pointer, "params"), k))
    if (s === undefined) ok = false
    else params[k] = s
  }
  return ok ? { type, params } : undefined
}

const readVersion = (r: Reader, u: unknown, pointer: string, number: number): Version | undefined => {
  const o = r.object(u, pointer, ["effective", "conditions", "event", "otherwise"], ["appliesWhen", "source", "note", "unreachable"], {
    operators: why.operators,
    priority: why.priority
  })
  if (o === undefined) return undefined
  const eff = r.object(o["effective"], child(pointer, "effective"), ["from"], ["to"])
  const from = eff !== undefined && Object.hasOwn(eff, "from") ? r.date(eff["from"], `${pointer}/effective/from`) : undefined
  const to = eff !== undefined && Object.hasOwn(eff, "to") ? r.date(eff["to"], `${pointer}/effective/to`) : undefined
  if (from !== undefined && to !== undefined && to < from) {
    r.error(`${pointer}/effective/to`, "period-order", `The period ends (${to}) before it starts (${from})`, `Perioden slutter (${to}) før den starter (${from})`)
  }
  const appliesWhen = Object.hasOwn(o, "appliesWhen") ? readTop(r, o["appliesWhen"], `${pointer}/appliesWhen`) : undefined
  const conditions = Object.hasOwn(o, "conditions") ? readTop(r, o["conditions"], `${pointer}/conditions`) : undefined
  const event = Object.hasOwn(o, "event") ? readOutcome(r, o["event"], `${pointer}/event`) : undefined
  const otherwise = Object.hasOwn(o, "otherwise") ? readOutcome(r, o["otherwise"], `${pointer}/otherwise`) : undefined
  const source = Object.hasOwn(o, "source") ? readSource(r, o["source"], `${pointer}/source`) : undefined
  const note = Object.hasOwn(o, "note") ? r.bilingual(o["note"], `${pointer}/note`) : undefined
  let unreachable: { event?: Bilingual; otherwise?: Bilingual } | undefined
  if (Object.hasOwn(o, "unreachable")) {
    const u = r.object(o["unreachable"], `${pointer}/unreachable`, [], ["event", "otherwise"])
    if (u !== undefined) {
      unreachable = {}
      for (const branch of ["event", "otherwise"] as const) {
        if (!Object.hasOwn(u, branch)) continue
        const why = r.bilingual(u[branch], `${pointer}/unreachable/${branch}`)
        if (why !== undefined) unreachable[branch] = why
      }
      if (unreachable.event !== undefined && unreachable.otherwise !== undefined) {
        r.error(`${pointer}/unreachable`, "shape", "A rule must be able to give at least one of its outcomes: declare at most one unreachable", "En regel må kunne gi minst ett av utfallene sine: erklær høyst ett som ikke kan nås")
      }
    }
  }
  if (from === undefined || conditions === undefined || event === undefined || otherwise === undefined) return undefined
  if (Object.hasOwn(o, "appliesWhen") && appliesWhen === undefined) return undefined
  return {
    number,
    effective: { from, ...(to === undefined ? {} : { to }) },
    ...(appliesWhen === undefined ? {} : { appliesWhen }),
    conditions,
    event,
    otherwise,
    ...(source === undefined ? {} : { source }),
    ...(note === undefined ? {} : { note }),
    ...(unreachable === undefined ? {} : { unreachable })
  }
}

/**
 * Decodes a rule file's parsed JSON; `file` is its path in the tree. Checks
 * the shape only: names of facts, operators, parameters and offerings are
 * checked against the catalogues by the validator.
 * @example
 * const { rule, findings } = RuleFile.decode(JSON.parse(text), "eligibility/karate-needs-intake.json")
 * @category constructors
 */
export const decode = guard("RuleFile.decode", bi("(input: unknown, file: string)", "(input: unknown, file: string)"), (input: unknown, file: string): { readonly rule?: RuleFile; readonly findings: ReadonlyArray<Finding> } => {
  requireString("RuleFile.decode", "file", file)
  const r = new Reader()
  const where = idOf(file)
  if (where === undefined) {
    r.error("", "stray-file", `A rule file must be in ${kinds.join(", ")}`, `En regelfil må ligge i ${kinds.join(", ")}`)
    return { findings: r.findings }
  }
  if (!where.id.split("/").every((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(s))) {
    const id = quote(where.id)
    r.error("", "shape", `The path gives the rule id ${id.en}; use lowercase letters, digits and hyphens in folder and file names`, `Stien gir regel-id-en ${id.nb}; bruk små bokstaver, sifre og bindestrek i mappe- og filnavn`)
  }
  const o = r.object(input, "", ["title", "description", "source", "versions"], ["$schema"], {
    operators: why.operators,
    conditions: bi("conditions belong in a version, under \"versions\"", "betingelser hører hjemme i en versjon, under «versions»")
  })
  if (o === undefined) return { findings: r.findings }
  const title = Object.hasOwn(o, "title") ? r.bilingual(o["title"], "/title") : undefined
  const description = Object.hasOwn(o, "description") ? r.bilingual(o["description"], "/description") : undefined
  const source = Object.hasOwn(o, "source") ? readSource(r, o["source"], "/source") : undefined
  const list = Object.hasOwn(o, "versions") ? r.array(o["versions"], "/versions") : undefined
  if (list !== undefined && list.length === 0) r.error("/versions", "shape", "Expected at least one version", "Forventet minst én versjon")
  const versions = (list ?? []).map((v, i) => readVersion(r, v, `/versions/${i}`, i + 1))
  const sound = r.findings.every((f) => f.severity !== "error")
  if (!sound || title === undefined || description === undefined || source === undefined || !versions.every((v): v is Version => v !== undefined)) {
    return { findings: r.findings }
  }
  return { rule: { id: where.id, file, kind: where.kind, title, description, source, versions }, findings: r.findings }
})

/**
 * Every comparison in a condition tree with its JSON pointer, in document order.
 * @example
 * RuleFile.leaves(version.conditions, "/versions/0/conditions").map(([leaf]) => leaf.fact)
 * @category constructors
 */
export const leaves = guard("RuleFile.leaves", bi("(condition: Condition, pointer: string)", "(condition: Condition, pointer: string)"), (c: Condition, pointer: string): Array<readonly [Leaf, string]> => {
  const out: Array<readonly [Leaf, string]> = []
  collect(c, String(pointer), out, 0)
  return out
})

const collect = (c: Condition, pointer: string, out: Array<readonly [Leaf, string]>, depth: number): void => {
  // Decoded trees are at most maxDepth deep; a deeper one was built in code, perhaps cyclic.
  if (depth > maxDepth || typeof c !== "object" || c === null) throw new TypeError("not a condition tree")
  if ("all" in c) c.all.forEach((x, i) => collect(x, `${pointer}/all/${i}`, out, depth + 1))
  else if ("any" in c) c.any.forEach((x, i) => collect(x, `${pointer}/any/${i}`, out, depth + 1))
  else if ("not" in c) collect(c.not, `${pointer}/not`, out, depth + 1)
  else out.push([c, pointer])
}
