import { describe, expect, it } from "vitest";
import { discreteQuantile, normalCdf, normalQuantile, poissonBinomial, studentTQuantile } from "./stats";

describe("distributions", () => {
  it("normal quantiles match the tables", () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it("Student-t quantiles match the tables", () => {
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(3.0777, 3);
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(1.8856, 3);
    expect(studentTQuantile(0.9, 5)).toBeCloseTo(1.4759, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 3);
    expect(studentTQuantile(0.1, 30)).toBeCloseTo(-1.3104, 3);
  });

  it("the Poisson-binomial distribution is exact", () => {
    // Equal probabilities: the binomial.
    const binomial = poissonBinomial([0.5, 0.5, 0.5]);
    expect(binomial).toEqual([0.125, 0.375, 0.375, 0.125]);
    // Brute force over all outcomes for unequal probabilities.
    const p = [0.1, 0.7, 0.35, 0.9];
    const brute = new Array<number>(p.length + 1).fill(0);
    for (let mask = 0; mask < 1 << p.length; mask++) {
      let mass = 1;
      let k = 0;
      p.forEach((q, i) => {
        const success = (mask >> i) & 1;
        mass *= success ? q : 1 - q;
        k += success;
      });
      brute[k] = (brute[k] as number) + mass;
    }
    poissonBinomial(p).forEach((mass, k) => {
      expect(mass).toBeCloseTo(brute[k] as number, 12);
    });
    expect(discreteQuantile(binomial, 0.1)).toBe(0);
    expect(discreteQuantile(binomial, 0.5)).toBe(1);
    expect(discreteQuantile(binomial, 0.9)).toBe(3);
  });
});
