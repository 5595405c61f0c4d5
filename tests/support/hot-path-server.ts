import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/db/client";
import { createHotPathHandler } from "@/lib/petitions/hot-path/http-handler";
import type { HotPath } from "@/lib/petitions/hot-path/hot-path-services";

/** The hot path's HTTP handler on a loopback port of its own; what it does not take answers 418. */
export interface HotPathServer {
  port: number;
  base: string;
  close(): Promise<void>;
}

export async function startHotPathServer(hot: HotPath, db: Database): Promise<HotPathServer> {
  const handle = createHotPathHandler(hot, db);
  const server = createServer((req, res) => {
    if (!handle(req, res)) {
      res.writeHead(418);
      res.end("next");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { port, base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
