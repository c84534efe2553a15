import { describeError } from "../host/types";
import type { Probe } from "./types";
import { attempt, hostOf, result } from "./util";

// macOS asks captive.apple.com for a page that says "Success"; a hotel or
// café Wi-Fi answers with its own login page or a redirect instead, and
// every Apple sign-in fails until that page is accepted.
export const captivePortalProbe: Probe = {
  id: "captive-portal",
  title: "Wi-Fi Login Page",
  area: "network",
  async run({ host, targets, signal }) {
    const { value: res, code } = await attempt(() => host.http(targets.captiveUrl, { signal }));
    if (!res) {
      if (code === "ENOTRECORDED") return result("skip", "No captive-portal check in the recording");
      return result("warn", `Couldn't reach captive.apple.com (${describeError(code!)})`, [
        `${targets.captiveUrl}: ${code}`,
      ]);
    }
    // The login page's address, without its query string and fragment: support needs the host and
    // path, never the portal's tracking parameters (the client's MAC, IP, Wi-Fi name, e-mail…).
    const location = res.headers.location ? withoutQuery(res.headers.location) : undefined;
    const evidence = `HTTP ${res.status}${location ? ` → ${location.url}${location.dropped ? " (query left out)" : ""}` : ""}`;
    if (res.status >= 300 && res.status < 400) {
      return result(
        "fail",
        `This network redirects to a login page${res.headers.location ? ` (${hostOf(res.headers.location)})` : ""}`,
        [evidence],
        {
          fixes: ["open-network-settings"],
          data: { status: res.status, location: location?.url },
        },
      );
    }
    if (res.status === 200 && /<title>\s*success\s*<\/title>|^\s*success\s*$/i.test(res.body)) {
      return result("pass", "No Wi-Fi login page in the way", [evidence]);
    }
    if (res.status === 200) {
      const title = /<title>([^<]{1,120})<\/title>/i.exec(res.body)?.[1]?.trim();
      return result(
        "fail",
        `This network shows its own page instead of Apple's${title ? ` ("${title}")` : ""}`,
        [evidence, `body starts: ${res.body.slice(0, 120).replace(/\s+/g, " ")}`],
        {
          fixes: ["open-network-settings"],
          data: { status: res.status, title },
        },
      );
    }
    return result("warn", `captive.apple.com answered HTTP ${res.status}`, [evidence], {
      data: { status: res.status },
    });
  },
};

/** A URL without `?…` and `#…`, and whether anything was dropped. */
export function withoutQuery(url: string): { url: string; dropped: boolean } {
  const cut = url.search(/[?#]/);
  return cut < 0 ? { url, dropped: false } : { url: url.slice(0, cut), dropped: cut < url.length - 1 };
}
