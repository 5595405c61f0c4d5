/**
 * When whatever reads the server's output goes away (a log pipe closed, `npm start | tee` with
 * tee gone), each write fails with EPIPE. Unheard, that error is an uncaught exception, which
 * Next's handler prints with console.error — another failed write: the process spun at 100% CPU
 * and never finished a SIGTERM. Lines with nowhere to go are dropped instead
 * (tests/server-output.test.ts).
 */
export function ignoreLostLogReader(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") return;
      throw error;
    });
  }
}
