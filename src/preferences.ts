import { Toast, getPreferenceValues, openExtensionPreferences, showToast } from "@raycast/api";
import { useEffect, useMemo } from "react";
import { parseSettings, type RawSettings, type Settings } from "./core/settings";

/** The extension's preferences, validated (bad values fall back to defaults and are named in `problems`). */
export function loadSettings(): Settings {
  return parseSettings(getPreferenceValues<RawSettings>());
}

/** The settings for a command, and one toast naming any preference that was ignored. */
export function useSettings(): Settings {
  const settings = useMemo(() => loadSettings(), []);
  useEffect(() => {
    if (settings.problems.length === 0) return;
    void showToast({
      style: Toast.Style.Failure,
      title: "Some Preferences Were Ignored",
      message: settings.problems.join("\n"),
      primaryAction: { title: "Open Preferences", onAction: () => void openExtensionPreferences() },
    });
  }, [settings]);
  return settings;
}
