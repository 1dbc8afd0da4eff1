// Small statistics for the benchmark: medians, calls per pool and a least-squares line.

export function median(values: number[]): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Calls per pool, by operation name, from a log of call names made for `pools` pools. */
export function countCalls(calls: string[], pools: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of calls) counts[c] = (counts[c] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / pools]));
}

export interface LinearFit {
    /** Cost per extra pool (the unit of y per pool). */
    slope: number;
    /** Fixed cost (the unit of y). */
    intercept: number;
    /** How well a straight line explains the points (1 = exactly). */
    r2: number;
}

/** y = intercept + slope · x, by least squares. */
export function linearFit(points: [number, number][]): LinearFit {
    const n = points.length;
    const mx = points.reduce((s, [x]) => s + x, 0) / n;
    const my = points.reduce((s, [, y]) => s + y, 0) / n;
    const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
    const slope = sxx === 0 ? 0 : sxy / sxx;
    const intercept = my - slope * mx;
    const ssTot = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
    const ssRes = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
    return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

/** The exponent k in t ∝ n^k between two pool counts: 1 is linear, below 1 sublinear, above 1 worse. */
export function growthExponent(n1: number, t1: number, n2: number, t2: number): number {
    return Math.log(t2 / t1) / Math.log(n2 / n1);
}

export function round(value: number, digits: number): number {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}
