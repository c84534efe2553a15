// A separate process adding one record to a fix history file: the
// cross-process half of the history tests (test/cli/history-file.test.ts).
import { jsonFileStorage } from "../../src/cli/environment";
import { FixHistory } from "../../src/core/history";

const [file, label] = process.argv.slice(2);
void new FixHistory(jsonFileStorage(file)).add({
  fix: "flush-dns",
  at: new Date().toISOString(),
  outcome: "done",
  message: label,
});
