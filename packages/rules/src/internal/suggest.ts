// "Did you mean" for names a person typed: the closest known name by edit
// distance, offered only when it is close enough to be a likely typo.

const distance = (a: string, b: string): number => {
  // Optimal string alignment: a swapped pair of letters counts as one edit,
  // the commonest typo in hand-edited files.
  const d: Array<Array<number>> = []
  for (let i = 0; i <= a.length; i++) d.push([i, ...Array<number>(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}

/** The known name closest to `name`, or undefined when none is plausibly meant. */
export const suggest = (name: string, known: Iterable<string>): string | undefined => {
  const lower = name.toLowerCase()
  let best: string | undefined
  let bestScore = Infinity
  for (const k of known) {
    const score = distance(lower, k.toLowerCase())
    if (score < bestScore) {
      best = k
      bestScore = score
    }
  }
  // Short names get one edit: "pwn" is not a typo of "in".
  const allowed = name.length <= 4 ? 1 : Math.max(2, Math.floor(name.length / 3))
  return best !== undefined && bestScore <= allowed ? best : undefined
}

/** ` Did you mean "x"?` in both languages, or empty strings when there is no suggestion. */
export const didYouMean = (name: string, known: Iterable<string>): { readonly en: string; readonly nb: string } => {
  const s = suggest(name, known)
  return s === undefined ? { en: "", nb: "" } : { en: `; did you mean "${s}"?`, nb: `; mente du «${s}»?` }
}
