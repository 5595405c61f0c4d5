// The baseline of `npm run bench`: bare node:http answering the sign form's POST with the
// same 202 JSON, doing no work. What one core of this machine can answer at best.
import { createServer } from "node:http";

const port = Number(process.env.PORT || 3901);
const answer = JSON.stringify({ outcome: "check_email" });
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    res.writeHead(202, { "content-type": "application/json", "content-length": Buffer.byteLength(answer), "cache-control": "no-store" });
    res.end(answer);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`[bare] ready on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
