// macOS's password sheet (osascript's "with administrator privileges") and
// sudo's Touch ID sheet are windows of another process: when one appears,
// Raycast's window loses focus and closes. Wrapping a host with this makes the
// @raycast/api mock see that, so a view's feedback is tested against the
// window a person actually has.
import { basename } from "node:path";
import type { Host } from "../../src/core/host/types";
import { __mock } from "../mocks/raycast-api";

const PROMPTS = new Set(["osascript", "sudo"]);

export function promptsTakeFocus(host: Host): Host {
  return {
    ...host,
    exec: (command, options) => {
      if (PROMPTS.has(basename(command[0] ?? ""))) __mock.anotherWindowTookFocus();
      return host.exec(command, options);
    },
  };
}
