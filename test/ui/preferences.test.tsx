import { Toast } from "@raycast/api";
import { beforeEach, expect, it } from "vitest";
import { useSettings } from "../../src/preferences";
import { __mock } from "../mocks/raycast-api";
import { render } from "../support/render";

function Probe() {
  const settings = useSettings();
  return <>{settings.targets.ntpServers[0]}</>;
}

beforeEach(() => __mock.reset());

it("a bad preference is named once in a toast, with a way to fix it", async () => {
  __mock.preferences = { ntpServer: "not a host!", deadlineMs: "5000" };
  const h = await render(<Probe />);
  await h.waitFor(() => __mock.toasts.length > 0);
  expect(__mock.toasts).toHaveLength(1);
  expect(__mock.toasts[0]).toMatchObject({ style: Toast.Style.Failure, title: "Some Preferences Were Ignored" });
  expect(__mock.toasts[0].message).toMatch(/Time server "not a host!"/);
  await h.unmount();
});

it("good preferences: no toast", async () => {
  __mock.preferences = { ntpServer: "time.apple.com" };
  const h = await render(<Probe />);
  expect(__mock.toasts).toEqual([]);
  await h.unmount();
});
