import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // Tests run domain code outside Next: the guard that keeps db out of client bundles is a no-op here.
  "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
};

// Tests sign tokens: give them a secret of their own when none is set.
process.env.AUTH_SECRET ??= "test-only-secret-not-for-production";

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-database.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses: let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
