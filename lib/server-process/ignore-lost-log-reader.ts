/**
 * When whatever reads the server's output goes away (a log pipe closed, `npm start | tee` with
 * tee gone, a terminal closed), each write fails (EPIPE, EIO, ECONNRESET…) and goes on failing.
 * Unheard, that error is an uncaught exception, which Next's process handler prints with
 * console.error — another failed write: the process spun at 100% CPU and never finished a
 * SIGTERM. Errors of the log streams are therefore never raised: there is nowhere left to
 * report them, and the lines are dropped (tests/server-output.test.ts).
 */
export function ignoreLostLogReader(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", () => {});
  }
}
