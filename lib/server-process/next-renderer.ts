import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { sendInternalError } from "@/lib/http/json-error";
import { loggable } from "@/lib/errors";

/**
 * Next.js, prepared, as a function that renders one request: in server.ts (PGlite, development)
 * or in a render worker. A render that fails is logged; its client gets a JSON 500 if nothing
 * was sent yet, or a closed connection. Next is loaded here, not at import, so a process that
 * never renders carries none of its request bookkeeping.
 */
export async function startNextRenderer(options: { dev: boolean; port: number }): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => {
    handle(req, res).catch((error) => {
      console.error("[birge] request failed:", loggable(error));
      if (!res.headersSent) sendInternalError(res);
      else res.destroy();
    });
  };
}

/**
 * Stops taking connections and closes the idle ones; settles once the requests under way have
 * finished, or after `graceMs`. Start it first, then finish other work, then await it.
 */
export function closeServer(server: Server, graceMs: number): Promise<unknown> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections?.();
  return Promise.race([closed, new Promise((resolve) => setTimeout(resolve, graceMs))]);
}
