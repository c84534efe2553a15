import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { libfaketime } from "./world";

// Certificates made at test time with openssl: a root named like Apple's
// issuing CA (trusted through NODE_EXTRA_CA_CERTS, as a real root would be),
// a TLS-inspection CA nobody trusts, and a leaf that expired (signed under
// libfaketime a year ago, because `openssl x509` here takes no start date).

export const APPLE_NAMES = [
  "www.apple.com",
  "captive.apple.com",
  ...DEFAULT_TARGETS.signInHosts,
  ...(DEFAULT_TARGETS.pushHosts ?? [DEFAULT_TARGETS.pushHost]),
];
export interface TestCerts {
  /** PEM of the trusted root: what NODE_EXTRA_CA_CERTS points at. */
  rootPem: string;
  apple: { cert: string; key: string };
  inspected: { cert: string; key: string };
  expired: { cert: string; key: string };
}

function openssl(dir: string, args: string[], faketime?: string): void {
  const env = faketime ? { ...process.env, LD_PRELOAD: libfaketime(), FAKETIME: faketime } : process.env;
  execFileSync("openssl", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
}

/** Real certificates were issued weeks ago: a clock a few minutes slow must still find them valid. */
const ISSUED = "-2d";

function ca(dir: string, name: string, cn: string): void {
  openssl(
    dir,
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.pem`,
      "-days",
      "30",
      "-subj",
      `/CN=${cn}`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ],
    ISSUED,
  );
}

function leaf(dir: string, name: string, issuer: string, faketime = ISSUED, days = 30): { cert: string; key: string } {
  openssl(dir, [
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.csr`,
    "-subj",
    `/CN=${APPLE_NAMES[2]}`,
  ]);
  openssl(
    dir,
    [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${issuer}.pem`,
      "-CAkey",
      `${issuer}.key`,
      "-CAcreateserial",
      "-days",
      String(days),
      "-out",
      `${name}.pem`,
      "-extfile",
      "san.cnf",
    ],
    faketime,
  );
  return { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
}

export function makeCerts(dir: string): TestCerts {
  writeFileSync(
    join(dir, "san.cnf"),
    `subjectAltName=${APPLE_NAMES.map((n) => `DNS:${n}`).join(",")},IP:1.1.1.1\nextendedKeyUsage=serverAuth\n`,
  );
  ca(dir, "root", "Apple Public Server RSA CA 12 - G1");
  ca(dir, "inspection", "Corp SSL Inspection CA");
  // The expired leaf's issuer must have been valid then too: both made "400 days ago".
  openssl(
    dir,
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      "oldroot.key",
      "-out",
      "oldroot.pem",
      "-days",
      "3650",
      "-subj",
      "/CN=Apple Public Server RSA CA 11 - G1",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ],
    "-400d",
  );
  writeFileSync(
    join(dir, "trusted.pem"),
    readFileSync(join(dir, "root.pem"), "utf8") + readFileSync(join(dir, "oldroot.pem"), "utf8"),
  );
  return {
    rootPem: join(dir, "trusted.pem"),
    apple: leaf(dir, "apple", "root"),
    inspected: leaf(dir, "inspected", "inspection"),
    expired: leaf(dir, "expired", "oldroot", "-400d", 30),
  };
}
