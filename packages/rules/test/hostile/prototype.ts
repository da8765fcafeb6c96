// A fingerprint of what every object, array and function inherits, so a test
// can show that nothing it fed in reached a prototype.
const protos: ReadonlyArray<[string, object]> = [
  ["Object", Object.prototype],
  ["Array", Array.prototype],
  ["Function", Function.prototype],
  ["String", String.prototype],
]

/** Each shared prototype's own keys and the type of each value, sorted. */
export const prototypeKeys = (): ReadonlyArray<string> =>
  protos.flatMap(([name, proto]) =>
    Reflect.ownKeys(proto)
      .map((k) => `${name}.${String(k)}:${typeof Object.getOwnPropertyDescriptor(proto, k)?.value}`)
      .sort(),
  )
