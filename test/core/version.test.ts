import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { APP_VERSION } from "../../src/core/version";

it("APP_VERSION matches package.json", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
  expect(APP_VERSION).toBe(manifest.version);
});
