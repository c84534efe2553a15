// CommonJS, as in Raycast's extension template (the package has no "type": "module").
/* eslint-disable @typescript-eslint/no-require-imports */
const { defineConfig } = require("eslint/config");
const raycastConfig = require("@raycast/eslint-config");

module.exports = defineConfig([
  ...raycastConfig,
  {
    ignores: [
      "dist/**",
      ".tools/**",
      "node_modules/**",
      "raycast-env.d.ts",
      "bench/results.json",
      "reports/**",
      ".stryker-tmp/**",
    ],
  },
]);
