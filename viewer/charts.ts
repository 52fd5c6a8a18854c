// Small bar charts beside the graph: visible outcomes per country, per year and by type of change, drawn as plain SVG.
import { clear, h, svg } from "./_dom.ts";
import type { View, ViewerGraph } from "./filters.ts";
import { t, type Lang, type MessageKey } from "./i18n.ts";
import { OUTCOME_COLOR } from "./style.ts";

export type Bar = { label: string; value: number };
export type ChartData = { perCountry: Bar[]; perYear: Bar[]; perTypeOfChange: Bar[] };

/** Counts over the outcomes in the view; countries and types by size, years in order. */
export function computeChartData(graph: ViewerGraph, view: View): ChartData {
  const country = new Map<string, number>();
  const year = new Map<string, number>();
  const change = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const node of view.nodes) {
    const a = graph.getNodeAttributes(node);
    if (a.kind !== "outcome") continue;
    if (a.country) bump(country, a.country);
    if (a.year !== null) bump(year, String(a.year));
    for (const c of a.typeOfChangeCluster) bump(change, c);
  }
  const bySize = (map: Map<string, number>) =>
    [...map]
      .map(([label, value]) => ({ label, value }))
      .sort((x, y) => y.value - x.value || x.label.localeCompare(y.label));
  return {
    perCountry: bySize(country),
    perYear: [...year].map(([label, value]) => ({ label, value })).sort((x, y) => x.label.localeCompare(y.label)),
    perTypeOfChange: bySize(change),
  };
}

const ROW = 16;
const WIDTH = 220;
const LABEL_WIDTH = 120;
const MAX_BARS = 10;

export function renderCharts(root: HTMLElement, data: ChartData, lang: Lang): void {
  clear(root);
  root.append(h("h2", {}, t(lang, "charts")));
  for (const key of ["perCountry", "perYear", "perTypeOfChange"] as const satisfies readonly MessageKey[]) {
    const bars = data[key].slice(0, MAX_BARS);
    if (bars.length === 0) continue;
    root.append(
      h("figure", { class: "hg-chart", "data-hg": `chart-${key}` }, h("figcaption", {}, t(lang, key)), _bars(bars)),
    );
  }
}

function _bars(bars: Bar[]): SVGSVGElement {
  const max = Math.max(...bars.map((b) => b.value), 1);
  const chart = svg("svg", {
    width: WIDTH,
    height: bars.length * ROW,
    viewBox: `0 0 ${WIDTH} ${bars.length * ROW}`,
    role: "img",
  });
  bars.forEach((bar, i) => {
    const y = i * ROW;
    const width = Math.max(1, ((WIDTH - LABEL_WIDTH - 24) * bar.value) / max);
    chart.append(
      svg("text", { x: LABEL_WIDTH - 4, y: y + 12, "text-anchor": "end", class: "hg-chart-label" }, _short(bar.label)),
      svg("rect", { x: LABEL_WIDTH, y: y + 3, width, height: ROW - 6, fill: OUTCOME_COLOR, rx: 2 }),
      svg("text", { x: LABEL_WIDTH + width + 4, y: y + 12, class: "hg-chart-value" }, String(bar.value)),
    );
    chart.lastElementChild?.previousElementSibling?.append(svg("title", {}, `${bar.label}: ${bar.value}`));
  });
  return chart;
}

function _short(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}
