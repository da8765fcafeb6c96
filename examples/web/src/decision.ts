// The eligibility decision for a profile and an offering on a date, from the
// rules package's browser entry, with each rule's Norwegian explanation.

import snapshot from "virtual:aktivitetsmodell-snapshot"
import { decide, decodeSubject, describe, explainNode, formatSource } from "@aktivitetsmodell/rules/decide"
import { el } from "./dom.js"
import type { Profile } from "./profiles.js"

// The shipped policy, as a snapshot made from @aktivitetsmodell/rules at build time (see vite.config.ts).
export { snapshot }

// "unknown" (a fact the profile does not give decides it) reads as undecided, like a grant as another service.
const verdictClass: Record<string, string> = {
  eligible: "yes",
  "not-eligible": "no",
  "granted-as": "maybe",
  unknown: "maybe",
}

/** Renders the decision, or the problems with the question, in Norwegian. */
export function renderDecision(profile: Profile, offeringId: string, date: string): Array<Node> {
  const { id: _id, label: _label, ...situation } = profile
  const decoded = decodeSubject({ ...situation, offering: offeringId }, snapshot)
  if (!decoded.ok) {
    const list = el("ul")
    for (const p of decoded.problems) list.append(el("li", `${p.pointer || "/"}: ${p.message.nb}`))
    return [el("h3", "Spørsmålet kan ikke avgjøres"), list]
  }
  const result = decide(snapshot, decoded.subject, date)
  const eligibility = result.decisions.filter((d) => d.kind === "eligibility")
  const verdict = result.summary.eligibility
  const nodes: Array<Node> = [el("h3", `Vurdering ${date}`)]
  const badge = el(
    "p",
    verdict === undefined ? "Ingen regel avgjør deltagelse" : describe("eligibility", verdict, snapshot).nb,
    `verdict ${verdict === undefined ? "maybe" : (verdictClass[verdict.type] ?? "maybe")}`,
  )
  badge.dataset.testid = "verdict"
  badge.dataset.outcome = verdict?.type ?? "none"
  nodes.push(badge)

  // Rules that say no come first: they are the reason.
  const ordered = [...eligibility].sort(
    (a, b) => Number(a.outcome.type === "eligible") - Number(b.outcome.type === "eligible"),
  )
  const list = el("ul", undefined, "explanation")
  list.dataset.testid = "explanation"
  for (const d of ordered) {
    const item = el("li")
    item.append(el("strong", `${d.title.nb}: `), describe("eligibility", d.outcome, snapshot).nb)
    const reasons = el(
      "div",
      explainNode(d.explanation.conditions, snapshot, "nb")
        .map((l) => l.trim())
        .join("\n"),
      "reasons",
    )
    item.append(reasons, el("div", `Kilde: ${formatSource(d.source, snapshot, "nb")}`, "source"))
    list.append(item)
  }
  nodes.push(list)
  for (const escalation of result.summary.escalations) {
    nodes.push(el("p", describe("escalation", escalation, snapshot).nb, "escalation"))
  }
  return nodes
}
