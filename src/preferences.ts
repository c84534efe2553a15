import { getPreferenceValues } from "@raycast/api";
import { parseSettings, type RawSettings, type Settings } from "./core/settings";

/** The extension's preferences, validated (bad values fall back to defaults and are named in `problems`). */
export function loadSettings(): Settings {
  return parseSettings(getPreferenceValues<RawSettings>());
}
