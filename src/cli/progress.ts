import cliProgress from 'cli-progress';

/** A terminal progress bar (a plain line per phase when output is not a terminal, e.g. in CI logs). */
export function progressBar(label: string) {
  const interactive = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {phase}`,
      stream: process.stderr,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let lastPhase = '';
  return {
    update(phase: string, done: number, total: number) {
      if (!interactive) {
        if (phase !== lastPhase) process.stderr.write(`${label}: ${phase} ${done}/${total}\n`);
        lastPhase = phase;
        return;
      }
      if (!started && total > 0) {
        bar.start(total, done, { phase });
        started = true;
      } else if (started) {
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { phase });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
