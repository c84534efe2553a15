import { accountProbe } from "./account";
import { appleHostsProbe } from "./apple-hosts";
import { appleStatusProbe } from "./apple-status";
import { captivePortalProbe } from "./captive-portal";
import { clockProbe } from "./clock";
import { dnsProbe } from "./dns";
import { firewallProbe } from "./firewall";
import { hostsFileProbe } from "./hosts-file";
import { internetProbe } from "./internet";
import { macosProbe } from "./macos";
import { networkFilterProbe } from "./network-filter";
import { proxyProbe } from "./proxy";
import { pushProbe } from "./push";
import { restrictionsProbe } from "./restrictions";
import { timeSettingsProbe } from "./time-settings";
import { tlsInspectionProbe } from "./tls-inspection";
import type { Probe } from "./types";
import { vpnProbe } from "./vpn";

export { AREA_TITLES, type Area, type Probe, type ProbeContext } from "./types";

/** Every probe of the full checklist, in the order a person reads them. */
export const CHECKLIST_PROBES: readonly Probe[] = [
  appleStatusProbe,
  appleHostsProbe,
  pushProbe,
  internetProbe,
  captivePortalProbe,
  dnsProbe,
  hostsFileProbe,
  tlsInspectionProbe,
  clockProbe,
  timeSettingsProbe,
  proxyProbe,
  vpnProbe,
  networkFilterProbe,
  firewallProbe,
  accountProbe,
  restrictionsProbe,
  macosProbe,
];

export function probeById(id: string): Probe | undefined {
  return CHECKLIST_PROBES.find((p) => p.id === id);
}
