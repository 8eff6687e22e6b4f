/**
 * The scale chart: build time and peak memory against the number of documents, two panels side by
 * side with a shared logarithmic x axis, the targets drawn dashed. A self-contained SVG string: no
 * scripts, no external fonts or styles, a white background (readable in dark viewers too), `<title>`
 * and `<desc>` (the figures in words) for screen readers.
 */

export interface ChartPoint {
  documents: number;
  /** Wall-clock build time, s. */
  seconds: number;
  /** Peak of the summed resident memory of the build, bytes. */
  peakRssBytes: number;
  /** The build was stopped (`timeout`) or failed: its time and peak are lower bounds. */
  stopped?: 'timeout' | 'failed';
}

export interface ScaleChartOptions {
  /** Main title (default "How the build scales with the number of documents"). */
  title?: string;
  /** Line under the title, e.g. the date and the machine. */
  subtitle?: string;
  /** Budget of build time per added document (s), drawn from the smallest set. */
  perDocumentSeconds?: number;
  /** Peak memory limit (bytes), drawn as a horizontal line. */
  peakMemoryBytes?: number;
  /** A remark printed under the panels, e.g. that the machine was busy. */
  note?: string;
}

const width = 1000;
const height = 490;
const colours = { text: '#1a1a1a', muted: '#555555', grid: '#e3e3e3', axis: '#333333', data: '#1f5fa8', target: '#b3261e' } as const;
const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** 4.2 → "4.2 s", 412 → "6 min 52 s", 600 → "10 min", 6000 → "1 h 40 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 0) return `−${formatDuration(-seconds)}`;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const join = (big: number, bigUnit: string, small: number, smallUnit: string) => (small ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`);
  if (seconds < 3600) {
    const whole = Math.round(seconds);
    return join(Math.floor(whole / 60), 'min', whole % 60, 's');
  }
  const minutes = Math.round(seconds / 60);
  return join(Math.floor(minutes / 60), 'h', minutes % 60, 'min');
}

/** Three significant digits, decimal units (1 kB = 1,000 bytes): 2e9 → "2 GB", 30_240_000 → "30.2 MB". */
export function formatBytes(bytes: number): string {
  const units = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ] as const;
  for (const [size, unit] of units) {
    if (Math.abs(bytes) >= size) return `${Number((bytes / size).toPrecision(3))} ${unit}`;
  }
  return `${Math.round(bytes)} B`;
}

const stoppedWords = { timeout: 'stopped after the time limit', failed: 'the build failed' } as const;

const count = (n: number) => n.toLocaleString('en-US');
const round = (n: number) => Math.round(n * 10) / 10;

/** A step of 1, 2 or 5 × 10^k that cuts 0…max into about `parts` intervals. */
export function niceStep(max: number, parts = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / parts;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normal = raw / magnitude;
  return (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude;
}

interface Axis {
  /** The quantity in the axis's unit (seconds → minutes, bytes → GB). */
  scale: number;
  unit: string;
  max: number;
  step: number;
}

/** `units`: [size of the unit, its name, smallest maximum shown in it], largest unit first. */
function valueAxis(max: number, units: readonly (readonly [number, string, number])[]): Axis {
  const [scale, unit] = units.find(([, , from]) => max >= from) ?? units[units.length - 1];
  const inUnit = max / scale;
  const step = niceStep(inUnit);
  return { scale, unit, max: Math.max(step, Math.ceil(inUnit / step) * step), step };
}

interface Panel {
  id: string;
  heading: string;
  yTitle: (unit: string) => string;
  /** [size of the unit, its name, smallest maximum shown in it], largest unit first. */
  units: readonly (readonly [number, string, number])[];
  value: (point: ChartPoint) => number;
  label: (point: ChartPoint) => string;
  /** A target line: values at given x, in the panel's base unit. */
  target?: { at: (documents: number) => number; label: string };
}

/** One panel at (left, top) of the given size; the x axis is log10 over [low, high]. */
function drawPanel(panel: Panel, points: readonly ChartPoint[], box: { left: number; top: number; width: number; height: number }, low: number, high: number): string {
  const { left, top } = box;
  const plotWidth = box.width;
  const plotHeight = box.height;
  const span = Math.log10(high) - Math.log10(low);
  const x = (documents: number) => left + ((Math.log10(documents) - Math.log10(low)) / span) * plotWidth;
  const sizes = points.map((point) => point.documents);
  const targetAtEnds = panel.target ? [panel.target.at(Math.min(...sizes)), panel.target.at(Math.max(...sizes))] : [];
  const axis = valueAxis(Math.max(...points.map(panel.value), ...targetAtEnds) * 1.08, panel.units);
  const y = (value: number) => top + plotHeight - (value / axis.scale / axis.max) * plotHeight;
  const parts: string[] = [];

  parts.push(`<text x="${left - 60}" y="${top - 34}" font-size="15" font-weight="600" fill="${colours.text}">${escapeXml(panel.heading)}</text>`);
  // Horizontal grid and value labels.
  for (let tick = 0; tick <= axis.max + axis.step / 1000; tick += axis.step) {
    const ty = round(top + plotHeight - (tick / axis.max) * plotHeight);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${ty}" y2="${ty}" stroke="${colours.grid}"/>`);
    const text = Number.isInteger(tick) ? count(tick) : tick.toFixed(Math.max(0, -Math.floor(Math.log10(axis.step))));
    parts.push(`<text x="${left - 8}" y="${ty + 4}" font-size="12" text-anchor="end" fill="${colours.muted}">${text}</text>`);
  }
  // Vertical grid at each measured size, labelled.
  for (const documents of [...new Set(sizes)]) {
    const tx = round(x(documents));
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${top}" y2="${top + plotHeight}" stroke="${colours.grid}"/>`);
    parts.push(`<text x="${tx}" y="${top + plotHeight + 18}" font-size="12" text-anchor="middle" fill="${colours.muted}">${count(documents)}</text>`);
  }
  // Axes and their titles.
  parts.push(`<path d="M${left} ${top}V${top + plotHeight}H${left + plotWidth}" fill="none" stroke="${colours.axis}"/>`);
  parts.push(`<text x="${left + plotWidth / 2}" y="${top + plotHeight + 40}" font-size="13" text-anchor="middle" fill="${colours.text}">documents (logarithmic scale)</text>`);
  const yTitleX = left - 50;
  const yTitleY = top + plotHeight / 2;
  parts.push(`<text x="${yTitleX}" y="${yTitleY}" font-size="13" text-anchor="middle" fill="${colours.text}" transform="rotate(-90 ${yTitleX} ${yTitleY})">${escapeXml(panel.yTitle(axis.unit))}</text>`);

  // The target, clipped to the plot.
  const clip = `${panel.id}-clip`;
  parts.push(`<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}"/></clipPath>`);
  if (panel.target) {
    const samples = 40;
    const path = Array.from({ length: samples + 1 }, (_, index) => {
      const documents = 10 ** (Math.log10(low) + (span * index) / samples);
      return `${index === 0 ? 'M' : 'L'}${round(x(documents))} ${round(y(panel.target?.at(documents) ?? 0))}`;
    }).join('');
    parts.push(`<path d="${path}" fill="none" stroke="${colours.target}" stroke-width="2" stroke-dasharray="7 5" clip-path="url(#${clip})"/>`);
    parts.push(`<text x="${left - 60}" y="${top - 14}" font-size="12" fill="${colours.target}">${escapeXml(panel.target.label)}</text>`);
  }

  // The measurements.
  const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(x(point.documents))} ${round(y(panel.value(point)))}`).join('');
  if (points.length > 1) parts.push(`<path d="${line}" fill="none" stroke="${colours.data}" stroke-width="2.5"/>`);
  for (const point of points) {
    const px = round(x(point.documents));
    const py = round(y(panel.value(point)));
    const label = panel.label(point);
    const description = `${count(point.documents)} documents: ${label}${point.stopped ? ` (${stoppedWords[point.stopped]})` : ''}`;
    parts.push(
      `<circle cx="${px}" cy="${py}" r="5" fill="${point.stopped ? '#ffffff' : colours.data}" stroke="${colours.data}" stroke-width="2"><title>${escapeXml(description)}</title></circle>`,
    );
    const anchor = px > left + plotWidth - 40 ? 'end' : px < left + 40 ? 'start' : 'middle';
    parts.push(`<text x="${px}" y="${round(Math.max(top + 12, py - 11))}" font-size="12" font-weight="600" text-anchor="${anchor}" fill="${colours.text}">${escapeXml(label)}</text>`);
  }
  return `<g id="${panel.id}">${parts.join('')}</g>`;
}

/** The SVG text of the chart. `points` need not be sorted; sizes must be positive. */
export function scaleChart(points: readonly ChartPoint[], options: ScaleChartOptions = {}): string {
  const title = options.title ?? 'How the build scales with the number of documents';
  const sorted = [...points].sort((a, b) => a.documents - b.documents);
  const first = sorted[0];
  const sizes = sorted.map((point) => point.documents);
  const low = sizes.length ? Math.min(...sizes) / 1.6 : 1;
  const high = sizes.length ? Math.max(...sizes) * 1.6 : 10;

  const secondsTarget = options.perDocumentSeconds;
  const time: Panel = {
    id: 'build-time',
    heading: 'Build time (npm run build, wall clock)',
    yTitle: (unit) => `build time (${unit})`,
    units: [
      [3600, 'h', 3 * 3600],
      [60, 'min', 180],
      [1, 's', 0],
    ],
    value: (point) => point.seconds,
    label: (point) => (point.stopped === 'failed' ? `failed after ${formatDuration(point.seconds)}` : `${point.stopped ? '≥ ' : ''}${formatDuration(point.seconds)}`),
    target:
      secondsTarget !== undefined && first
        ? { at: (documents) => first.seconds + secondsTarget * (documents - first.documents), label: `dashed: target, +${secondsTarget} s per added document from the smallest set` }
        : undefined,
  };
  const memoryTarget = options.peakMemoryBytes;
  const memory: Panel = {
    id: 'peak-memory',
    heading: 'Peak memory (RSS summed over all build processes)',
    yTitle: (unit) => `peak memory (${unit})`,
    units: [
      [1e9, 'GB', 1e9],
      [1e6, 'MB', 0],
    ],
    value: (point) => point.peakRssBytes,
    label: (point) => `${point.stopped ? '≥ ' : ''}${formatBytes(point.peakRssBytes)}`,
    target: memoryTarget !== undefined ? { at: () => memoryTarget, label: `dashed: target, at most ${formatBytes(memoryTarget)} at any size` } : undefined,
  };

  const described = sorted.length
    ? sorted
        .map((point) => {
          const time = point.stopped === 'failed' ? 'failed after ' : point.stopped ? 'stopped after ' : '';
          return `${count(point.documents)} documents: ${time}${formatDuration(point.seconds)}, peak memory ${point.stopped ? 'at least ' : ''}${formatBytes(point.peakRssBytes)}`;
        })
        .join('; ')
    : 'no measurements';
  const targets = [
    secondsTarget !== undefined ? `at most ${secondsTarget} s of build time per added document (dashed line from the smallest set)` : '',
    memoryTarget !== undefined ? `peak memory at most ${formatBytes(memoryTarget)}` : '',
  ].filter(Boolean);
  const desc = `Two line charts against the number of documents on a logarithmic axis. Left: build time. Right: peak memory. ${described}.${targets.length ? ` Targets: ${targets.join('; ')}.` : ''}${options.note ? ` ${options.note}` : ''}`;

  const panelWidth = 370;
  const panelHeight = 260;
  const top = 150;
  const body = sorted.length
    ? drawPanel(time, sorted, { left: 90, top, width: panelWidth, height: panelHeight }, low, high) +
      drawPanel(memory, sorted, { left: 90 + panelWidth + 120, top, width: panelWidth, height: panelHeight }, low, high)
    : `<text x="${width / 2}" y="${height / 2}" font-size="15" text-anchor="middle" fill="${colours.muted}">no measurements</text>`;
  const legendY = 84;
  const legend =
    `<g font-size="12" fill="${colours.text}">` +
    `<line x1="24" x2="52" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colours.data}" stroke-width="2.5"/><circle cx="38" cy="${legendY - 4}" r="4" fill="${colours.data}"/><text x="60" y="${legendY}">measured</text>` +
    `<line x1="140" x2="168" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colours.target}" stroke-width="2" stroke-dasharray="7 5"/><text x="176" y="${legendY}">target</text>` +
    `<circle cx="238" cy="${legendY - 4}" r="4" fill="#ffffff" stroke="${colours.data}" stroke-width="2"/><text x="248" y="${legendY}">stopped or failed (a lower bound)</text>` +
    `</g>`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="scale-chart-title scale-chart-desc" font-family="${escapeXml(fontFamily)}">`,
    `<title id="scale-chart-title">${escapeXml(title)}</title>`,
    `<desc id="scale-chart-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="34" font-size="19" font-weight="700" fill="${colours.text}">${escapeXml(title)}</text>`,
    options.subtitle ? `<text x="24" y="58" font-size="13" fill="${colours.muted}">${escapeXml(options.subtitle)}</text>` : '',
    legend,
    body,
    options.note ? `<text x="24" y="${height - 12}" font-size="12" fill="${colours.muted}">${escapeXml(options.note)}</text>` : '',
    `</svg>`,
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
