import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FixContext } from "../../src/core/fixes/types";
import { createBackupStore } from "../../src/core/host/backups";
import { createRealHost } from "../../src/core/host/real";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { makeFakeBin } from "./fake-bin";

/**
 * What the account-cache fixes run against in tests: the real host, fake `defaults` and
 * `plutil` keeping a real plist that starts as `state`, and a fresh backup folder.
 */
export function accountFixContext(state: string) {
  const fake = makeFakeBin();
  fake.setAccountState(state);
  const dir = mkdtempSync(join(tmpdir(), "aid-backups-"));
  const ctx: FixContext = {
    host: createRealHost(),
    bin: fake.bin,
    targets: DEFAULT_TARGETS,
    backups: createBackupStore(dir),
  };
  return { fake, ctx, dir };
}
