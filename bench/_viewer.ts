// Viewer frame times (first frame and panning at 5k/20k/50k nodes in headless Chromium): the section of the results
// that stays "not measured yet" until the bench can make synthetic graph envelopes of those sizes.
import type { Section } from "./schema.ts";

export type ViewerOptions = { quick: boolean; log: (line: string) => void; timeoutMs: number };

export async function measureViewer(_options: ViewerOptions): Promise<Section<Record<string, unknown>>> {
  return {
    status: "not measured",
    why: "not measured yet: the viewer and its browser helper (test/integration/_browser.ts) exist, but the bench does not yet build synthetic graph envelopes of 5,000/20,000/50,000 nodes nor drive the panning measurement",
  };
}
