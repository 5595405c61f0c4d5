// A child process for tests/server-output.test.ts: the error handling a Birge server process
// has — Next's own process handlers (the real module), then, unless told otherwise, Birge's
// (lib/server-process) — and the server's way to stop on SIGTERM: log, finish, exit. Its exit
// code is the number of uncaught exceptions it saw meanwhile (0 is right).
import { createRequire } from "node:module";
import { ignoreLostLogReader } from "@/lib/server-process/ignore-lost-log-reader";

const require = createRequire(import.meta.url);
const { installProcessErrorHandlers } = require("next/dist/server/node-environment-extensions/process-error-handlers.js") as {
  installProcessErrorHandlers: (removeOthers: boolean) => void;
};
installProcessErrorHandlers(false);
if (process.env.WITHOUT_BIRGE_HANDLER !== "1") ignoreLostLogReader();

let uncaught = 0;
process.on("uncaughtException", () => uncaught++);
process.on("SIGTERM", () => {
  console.log("[birge] SIGTERM: stopping");
  console.error("[birge] a last line on stderr");
  setTimeout(() => process.exit(Math.min(uncaught, 100)), 300);
});
console.log("ready");
setInterval(() => {}, 1_000);
