// The check digits of a national identity number, apart from NationalId so
// that Redact, which must build no schema, reads them too.

// Weights from Skatteetaten's page and every classic description; identical
// for both rule sets, only the accepted remainders differ.
export const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const
export const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const

// The sources disagree in wording. Skatteetaten's page first said, in prose,
// that the new rule "vil akseptere 0, 1, 2 og 3 som gyldige verdier", which
// reads as if k1 itself were 0–3; later versions say the *remainder* may be
// 0–3. Its formula k1 = {11,12,13,14} − (S mod 11) "minus 11 once more" said
// "if k1 > 11" in one version (leaving k1 = 11) and "if k1 > 10" in the next.
// Skatteetaten's reference validator settles it, and we implement that:
// (S + k1) mod 11 must be 0, 1, 2 or 3, with k1 a digit 0–9.
export const REMAINDERS_2032 = [0, 1, 2, 3] as const

export const weightedSum = (digits: ReadonlyArray<number>, weights: ReadonlyArray<number>): number =>
  weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0)

/** The check digit that makes `sum + digit ≡ remainder (mod 11)`, or undefined when that digit would be 10. */
export const digitFor = (sum: number, remainder: number): number | undefined => {
  const k = (((remainder - sum) % 11) + 11) % 11
  return k === 10 ? undefined : k
}

/**
 * Whether eleven digits end in check digits valid under the classic rule or
 * the rule for numbers issued from 2032 (a first remainder of 0–3).
 */
export const hasValidCheckDigits = (digits: string): boolean => {
  if (!/^\d{11}$/u.test(digits)) return false
  const d = Array.from(digits, Number)
  const first = (weightedSum(d, K1_WEIGHTS) + d[9]!) % 11
  return (REMAINDERS_2032 as ReadonlyArray<number>).includes(first) && digitFor(weightedSum(d, K2_WEIGHTS), 0) === d[10]
}
