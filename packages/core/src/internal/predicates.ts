// The plain test behind a schema filter, for the fast decoder: a filter made
// from a predicate is run by Effect through `Filter.run`, which turns the
// answer into an issue, on every value. The decoder calls the predicate
// itself and takes only `true` as a pass; any other answer goes to Effect,
// which reports it as before. A filter is registered where it is made, with
// the very predicate it wraps.

type Predicate = (value: never) => unknown

const predicates = new WeakMap<object, Predicate>()

/** `filter`, remembered as testing `predicate` and nothing else. */
export const withPredicate = <F extends object>(filter: F, predicate: Predicate): F => {
  predicates.set(filter, predicate)
  return filter
}

/** The predicate a filter was registered with, if any. */
export const predicateOf = (filter: object): Predicate | undefined => predicates.get(filter)
