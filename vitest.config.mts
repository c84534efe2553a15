import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // @raycast/api has no runtime outside Raycast: tests render against a small local mock.
    alias: {
      "@raycast/api": here("./test/mocks/raycast-api.tsx"),
      "@raycast/utils": here("./test/mocks/raycast-utils.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    // TLS certificates and keys for the loopback servers, made fresh for every run.
    globalSetup: ["./test/global-setup.ts"],
    // The real host refuses anything but loopback while tests run.
    env: { APPLE_ID_DOCTOR_LOOPBACK_ONLY: "1" },
    testTimeout: 20000,
    pool: "forks",
  },
});
