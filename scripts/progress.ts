// A progress bar on standard error for the long steps of the scripts: one
// line redrawn in place on a terminal, a line per tenth otherwise (a log, CI).

export interface Progress {
  readonly tick: () => void
}

export const progress = (total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  const width = 30
  const t0 = performance.now()
  let done = 0
  let shownTenth = -1
  const draw = () => {
    const share = total === 0 ? 1 : done / total
    const filled = Math.round(share * width)
    const seconds = ((performance.now() - t0) / 1000).toFixed(1)
    return `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${seconds} s`
  }
  return {
    tick: () => {
      done += 1
      if (stream.isTTY) {
        stream.write(`\r${draw()}`)
        if (done === total) stream.write("\n")
        return
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10)
      if (tenth !== shownTenth || done === total) {
        shownTenth = tenth
        stream.write(`${draw()}\n`)
      }
    },
  }
}
