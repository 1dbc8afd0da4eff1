// A hand-written SVG chart: wall time against pool count, log-log, one line per way, one panel per
// operation. No dependency: the benchmark writes the markup itself.

import { Operation, OPERATION_LABELS, WayName, WAYS } from "./ways";

export interface Series {
    label: string;
    color: string;
    dash?: string;
    /** [pools, milliseconds] */
    points: [number, number][];
}

export interface Panel {
    title: string;
    series: Series[];
}

const PANEL_W = 430;
const PANEL_H = 340;
const MARGIN = { left: 72, right: 16, top: 36, bottom: 52 };

function esc(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function fmtTick(v: number): string {
    return v.toLocaleString("en-US");
}

/** The nearest 1, 2 or 5 × 10^k at or below (down) or at or above (up) `v`. */
function niceBound(v: number, direction: "down" | "up"): number {
    const e = Math.floor(Math.log10(v));
    const steps = [1, 2, 5, 10].map((m) => m * 10 ** e);
    return direction === "down" ? Math.max(...steps.filter((s) => s <= v * 1.0001)) : Math.min(...steps.filter((s) => s >= v * 0.9999));
}

/** Log-scale ticks at 1, 2 and 5 times each power of ten within [lo, hi]. */
function logTicks(lo: number, hi: number): { value: number; major: boolean }[] {
    const ticks: { value: number; major: boolean }[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
        for (const m of [1, 2, 5]) {
            const v = m * 10 ** e;
            if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push({ value: Number(v.toPrecision(3)), major: m === 1 });
        }
    }
    return ticks;
}

function panel(p: Panel, x0: number, y0: number, yLo: number, yHi: number, xs: number[]): string {
    const w = PANEL_W - MARGIN.left - MARGIN.right;
    const h = PANEL_H - MARGIN.top - MARGIN.bottom;
    const xMin = Math.min(...xs);
    const xMax = Math.max(...xs);
    const px = (x: number) => x0 + MARGIN.left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * w;
    const py = (y: number) => y0 + MARGIN.top + h - ((Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * h;
    const out: string[] = [];
    out.push(`<text x="${x0 + MARGIN.left + w / 2}" y="${y0 + 22}" text-anchor="middle" font-size="15" font-weight="bold">${esc(p.title)}</text>`);
    out.push(`<rect x="${x0 + MARGIN.left}" y="${y0 + MARGIN.top}" width="${w}" height="${h}" fill="#fff" stroke="#999"/>`);
    for (const t of logTicks(yLo, yHi)) {
        const y = py(t.value);
        out.push(`<line x1="${x0 + MARGIN.left}" x2="${x0 + MARGIN.left + w}" y1="${y}" y2="${y}" stroke="${t.major ? "#ccc" : "#eee"}"/>`);
        out.push(`<text x="${x0 + MARGIN.left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#444">${fmtTick(t.value)}</text>`);
    }
    for (const x of xs) {
        const X = px(x);
        out.push(`<line x1="${X}" x2="${X}" y1="${y0 + MARGIN.top}" y2="${y0 + MARGIN.top + h}" stroke="#ddd"/>`);
        out.push(`<text x="${X}" y="${y0 + MARGIN.top + h + 16}" text-anchor="middle" font-size="11" fill="#444">${x}</text>`);
    }
    out.push(`<text x="${x0 + MARGIN.left + w / 2}" y="${y0 + PANEL_H - 14}" text-anchor="middle" font-size="12">pools, run concurrently (log scale)</text>`);
    const cy = y0 + MARGIN.top + h / 2;
    out.push(`<text transform="translate(${x0 + 18},${cy}) rotate(-90)" text-anchor="middle" font-size="12">wall time, ms (log scale)</text>`);
    // Dashed lines last, so that a baseline hidden under a solid line still shows.
    for (const s of [...p.series.filter((x) => !x.dash), ...p.series.filter((x) => x.dash)]) {
        const pts = s.points.filter(([, y]) => y > 0);
        const d = pts.map(([x, y], i) => `${i ? "L" : "M"}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ");
        out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
        for (const [x, y] of pts) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
    }
    // Legend, top left inside the plot.
    p.series.forEach((s, i) => {
        const lx = x0 + MARGIN.left + 10;
        const ly = y0 + MARGIN.top + 16 + i * 18;
        out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
        out.push(`<text x="${lx + 30}" y="${ly}" font-size="12">${esc(s.label)}</text>`);
    });
    return out.join("\n");
}

/** Panels side by side sharing one y range, with a caption under them. */
export function chart(title: string, panels: Panel[], caption: string): string {
    const ys = panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([, y]) => y))).filter((y) => y > 0);
    const xs = [...new Set(panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([x]) => x))))].sort((a, b) => a - b);
    const yLo = niceBound(Math.min(...ys), "down");
    const yHi = niceBound(Math.max(...ys), "up");
    const width = PANEL_W * panels.length;
    const height = PANEL_H + 64;
    const body = panels.map((p, i) => panel(p, i * PANEL_W, 30, yLo, yHi, xs)).join("\n");
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
        `<rect width="${width}" height="${height}" fill="#fafafa"/>`,
        `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
        body,
        `<text x="${width / 2}" y="${height - 12}" text-anchor="middle" font-size="11" fill="#555">${esc(caption)}</text>`,
        `</svg>`,
        "",
    ].join("\n");
}

const COLORS: Record<WayName, { label: string; color: string; dash?: string }> = {
    raw: { label: "raw AWS SDK, fewest calls", color: "#444444", dash: "6 4" },
    rawSame: { label: "raw AWS SDK, the provider's calls", color: "#999999", dash: "2 3" },
    direct: { label: "provider, called directly", color: "#1f77b4" },
    host: { label: "provider, through the Pulumi host", color: "#e6550d" },
};

/** The report's chart: create, one-setting update and delete, time against pool count, one line per way. */
export function timeVsPoolsChart(
    results: Record<Operation, Record<WayName, Record<number, { medianMs: number }>>>,
    counts: number[],
    repetitions: Record<number, number>,
): string {
    const panel = (op: Operation) => ({
        title: OPERATION_LABELS[op],
        series: WAYS.map((w) => ({ ...COLORS[w], points: counts.map((n) => [n, results[op][w][n].medianMs] as [number, number]) })),
    });
    return chart(
        "Wall time against pool count: provider vs raw AWS SDK (local Cognito)",
        [panel("create"), panel("update"), panel("delete")],
        `Median of ${counts.map((n) => repetitions[n]).join("/")} runs at ${counts.join("/")} pools, all pools of a run at once; moto_server on loopback; the provider's rate limit set out of the way.`,
    );
}
