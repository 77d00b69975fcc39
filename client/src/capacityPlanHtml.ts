// Renders the server's capacity plan view (facts, bar charts, tables, notes) as a self-contained
// page: inline SVG, one nonce'd style sheet, no scripts and nothing loaded from anywhere.
// The shape is generic on purpose: the client draws what the server computed.

import type { BarChart as PlanChart, CapacityPlanView, Table as PlanTable } from '../../shared/src/protocol';

/** The part of the capacity plan view the page draws. */
export type PlanView = Pick<CapacityPlanView, 'title' | 'facts' | 'charts' | 'tables' | 'notes'>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CHART_WIDTH = 640;
// Wide enough for a subnet id (subnet- and 17 hex digits) at the label font size.
const LABEL_WIDTH = 180;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 12;
const LEGEND_HEIGHT = 22;

/** A horizontal bar chart: one group per bar entry, one bar per series, a marker line at `limit`. */
export function renderBarChart(chart: PlanChart, index: number): string {
  const plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const max = Math.max(1, ...chart.bars.flatMap((b) => [...b.values, b.limit ?? 0]));
  const scale = (n: number) => Math.max(0, Math.round((n / max) * plot));
  const groupHeight = chart.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const height = LEGEND_HEIGHT + chart.bars.length * (groupHeight + GROUP_GAP);
  const parts: string[] = [];

  chart.series.forEach((name, s) => {
    const x = LABEL_WIDTH + s * 160;
    parts.push(`<rect class="series-${s % 4}" x="${x}" y="4" width="12" height="12"/>`);
    parts.push(`<text class="legend" x="${x + 18}" y="14">${escapeHtml(name)}</text>`);
  });
  if (chart.bars.some((b) => b.limit !== undefined)) {
    const x = LABEL_WIDTH + chart.series.length * 160;
    const label = chart.bars.find((b) => b.limitLabel)?.limitLabel ?? 'limit';
    parts.push(`<line class="limit" x1="${x + 6}" y1="2" x2="${x + 6}" y2="18"/>`);
    parts.push(`<text class="legend" x="${x + 18}" y="14">${escapeHtml(label)}</text>`);
  }

  chart.bars.forEach((bar, g) => {
    const top = LEGEND_HEIGHT + g * (groupHeight + GROUP_GAP);
    parts.push(`<text class="label" x="${LABEL_WIDTH - 8}" y="${top + groupHeight / 2 + 4}" text-anchor="end">${escapeHtml(bar.label)}</text>`);
    bar.values.forEach((value, s) => {
      const y = top + s * (BAR_HEIGHT + BAR_GAP);
      const over = bar.limit !== undefined && value > bar.limit;
      const cls = over ? 'over' : `series-${s % 4}`;
      const title = `${bar.label}, ${chart.series[s] ?? ''}: ${value}${bar.limit !== undefined ? ` of ${bar.limit} ${bar.limitLabel ?? ''}` : ''}`;
      parts.push(
        `<rect class="${cls}" x="${LABEL_WIDTH}" y="${y}" width="${scale(value)}" height="${BAR_HEIGHT}"><title>${escapeHtml(title.trim())}</title></rect>`,
      );
      parts.push(`<text class="value" x="${LABEL_WIDTH + scale(value) + 6}" y="${y + BAR_HEIGHT - 4}">${value.toLocaleString('en-US')}</text>`);
    });
    if (bar.limit !== undefined) {
      const x = LABEL_WIDTH + scale(bar.limit);
      parts.push(
        `<line class="limit" x1="${x}" y1="${top - 3}" x2="${x}" y2="${top + groupHeight + 3}"><title>${escapeHtml(`${bar.limitLabel ?? 'limit'}: ${bar.limit}`)}</title></line>`,
      );
    }
  });

  const label = `${chart.title}: ${chart.bars.map((b) => `${b.label} ${b.values.join(' / ')}${b.limit !== undefined ? ` of ${b.limit}` : ''}`).join('; ')}`;
  return [
    `<figure class="chart" id="chart-${index}">`,
    `<figcaption>${escapeHtml(chart.title)} <span class="unit">(${escapeHtml(chart.unit)})</span></figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="100%" viewBox="0 0 ${CHART_WIDTH} ${height}" preserveAspectRatio="xMinYMin meet">`,
    ...parts,
    '</svg>',
    '</figure>',
  ].join('\n');
}

function renderTable(table: PlanTable): string {
  const head = table.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${table.columns[i]?.numeric ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<h2>${escapeHtml(table.title)}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * The whole page. `nonce` admits the one style element; the policy allows nothing else (no
 * scripts, no remote images, fonts or frames).
 */
export function renderCapacityPlanHtml(view: PlanView, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:;`;
  const facts = view.facts.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('\n');
  const notes = view.notes.length ? `<h2>Notes</h2>\n<ul class="notes">\n${view.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(view.title)}</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
  h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
  table { border-collapse: collapse; margin: 0.4em 0; }
  th, td { border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); padding: 3px 10px; text-align: left; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  table.facts th { font-weight: normal; color: var(--vscode-descriptionForeground); }
  figure.chart { margin: 1.2em 0; max-width: ${CHART_WIDTH}px; } figure.chart svg { display: block; height: auto; } figcaption { font-weight: bold; margin-bottom: 0.4em; } .unit { font-weight: normal; color: var(--vscode-descriptionForeground); }
  svg text { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
  svg .series-0 { fill: var(--vscode-charts-blue, #3794ff); } svg .series-1 { fill: var(--vscode-charts-green, #89d185); }
  svg .series-2 { fill: var(--vscode-charts-purple, #b180d7); } svg .series-3 { fill: var(--vscode-charts-yellow, #cca700); }
  svg .over { fill: var(--vscode-charts-red, #f14c4c); }
  svg .limit { stroke: var(--vscode-charts-orange, #d18616); stroke-width: 2; stroke-dasharray: 4 2; }
  ul.notes li { margin: 0.3em 0; }
</style>
</head>
<body>
<h1>${escapeHtml(view.title)}</h1>
<table class="facts">
${facts}
</table>
${view.charts.map(renderBarChart).join('\n')}
${view.tables.map(renderTable).join('\n')}
${notes}
</body>
</html>`;
}
