// Runs once before the test files: the TLS certificates and private keys the
// loopback servers present are made fresh here, so no key for a certificate
// that names Apple is ever committed (scripts/make-test-certs.sh).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default function setup(): void {
  const out = here("./.tls");
  rmSync(out, { recursive: true, force: true });
  execFileSync("sh", [here("../scripts/make-test-certs.sh"), out], { stdio: ["ignore", "ignore", "inherit"] });
}
