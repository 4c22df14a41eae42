/**
 * The few statistical functions the forecasts need, written out so that the domain package stays
 * free of dependencies: normal and Student-t distributions, sample moments, the Poisson-binomial
 * distribution (a sum of independent Bernoulli variables with different probabilities).
 */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Sample standard deviation (n − 1); NaN with fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Standard normal cumulative distribution, via the complementary error function (|error| < 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes' Chebyshev fit of erfc, accurate to 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal quantile by bisection on the distribution function. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability out of (0, 1): ${p}`);
  return bisect((z) => normalCdf(z) - p, -12, 12);
}

/** Student-t cumulative distribution with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student-t quantile (df > 0), by bisection; falls back to the normal for very large df. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability out of (0, 1): ${p}`);
  if (df > 1e6) return normalQuantile(p);
  return bisect((t) => studentTCdf(t, df) - p, -1e4, 1e4);
}

function bisect(f: (x: number) => number, low: number, high: number): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** I_x(a, b) by the continued fraction of Numerical Recipes (modified Lentz). */
function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedIncompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return (front * h) / a;
}

/**
 * The exact distribution of a sum of independent Bernoulli variables with probabilities `p`:
 * element k is P(sum = k). O(n²) by adding one variable at a time.
 */
export function poissonBinomial(p: readonly number[]): number[] {
  let distribution = [1];
  for (const probability of p) {
    const q = Math.min(1, Math.max(0, probability));
    const next = new Array<number>(distribution.length + 1).fill(0);
    for (let k = 0; k < distribution.length; k++) {
      const mass = distribution[k] as number;
      next[k] = (next[k] as number) + mass * (1 - q);
      next[k + 1] = (next[k + 1] as number) + mass * q;
    }
    distribution = next;
  }
  return distribution;
}

/** The smallest k with P(X ≤ k) ≥ p, for a distribution over 0..n given as masses. */
export function discreteQuantile(distribution: readonly number[], p: number): number {
  let cumulative = 0;
  for (let k = 0; k < distribution.length; k++) {
    cumulative += distribution[k] as number;
    if (cumulative >= p - 1e-12) return k;
  }
  return distribution.length - 1;
}

/**
 * Equal-weight points standing for a standard normal variable: the midpoints, in probability,
 * of `n` equally likely slices. Used to average over a shock common to all enterprises.
 */
export function normalSlices(n: number): number[] {
  const points: number[] = [];
  for (let i = 0; i < n; i++) points.push(normalQuantile((i + 0.5) / n));
  return points;
}
