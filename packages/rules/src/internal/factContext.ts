// What fact derivation reads: the dated parameters and offerings in force in
// a policy period. A tree's `InForce` and a snapshot's epoch both fit.
import type { Policy } from "@aktivitetsmodell/core"

/** A dated parameter as the facts read it: a tree's parameter file, or a snapshot's entry. */
export interface DatedParameter {
  readonly name: string
  readonly file: string
  readonly datedBy: Policy.DatedBy
  readonly values: ReadonlyArray<{ readonly from: string; readonly value: number | string }>
}

/** A parameter's value on a date, with the parameter it belongs to. */
export interface Used<P extends DatedParameter> {
  readonly parameter: P
  readonly entry: P["values"][number]
}

/** What an offering contributes to the facts. A catalogue's `Offering` fits. */
export interface OfferingFacts {
  readonly id: string
  readonly category: string
  readonly operator: { readonly department: string }
  readonly status: { readonly kind: string }
  readonly priceNok: number
}

/** What is in force on a date, as far as the facts need it. `InForce` fits. */
export interface Context<P extends DatedParameter> {
  readonly offerings: ReadonlyMap<string, OfferingFacts>
  readonly parameters: ReadonlyMap<string, Used<P>>
  readonly policy: { readonly parameters: ReadonlyMap<string, P> }
}
