// Whether a case's name is a whole sentence: a capital letter first, at least
// four words, and a full stop, question or exclamation mark last.
//
// This used to be one regular expression,
//   /^[A-ZÆØÅ].*\S\s+\S+\s+\S+\s+\S+.*[.!?]$/su,
// whose nested `.*` and `\S+` backtrack quadratically: a 240,000-character
// name took 16 seconds. This check gives the same answer (a property test
// compares them on short texts) in one pass over the words.

const capital = /^[A-ZÆØÅ]/u
const whitespace = /\s+/u

export const isSentence = (text: string): boolean => {
  if (!capital.test(text)) return false
  const last = text[text.length - 1]
  if (last !== "." && last !== "!" && last !== "?") return false
  const words = text.split(whitespace)
  const n = words.length
  // Four words in a row, where the first may be the capital's word only if it
  // has more than the capital, and the fourth may be the last word only if it
  // has more than the closing mark.
  for (let i = 0; i + 3 < n; i++) {
    const firstOk = i > 0 || words[0]!.length >= 2
    const lastOk = i + 3 < n - 1 || words[n - 1]!.length >= 2
    if (firstOk && lastOk) return true
  }
  return false
}
