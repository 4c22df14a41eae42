import { describe, expect, it } from "vitest";
import type { DeclaredFact } from "../../plan/schema";
import { declaredFactLookup } from "./declared-facts";
import { compileExpression } from "./expressions";

const declared = declaredFactLookup([
  { id: "landArea", name: "用地面积", nameEn: "Land area", measure: "quantity", unitName: "亩", period: "year" },
  { id: "employees", name: "从业人数", nameEn: "Employees", measure: "count", period: "year" },
  { id: "netTax", name: "净入库税收", nameEn: "Net tax", measure: "money", period: "year" },
] as DeclaredFact[]);

const problem = (source: string, type: "int" | "bool" = "bool") => {
  try {
    compileExpression(source, "year", type, declared);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("an expression's figures compared and added in one measure", () => {
  it("refuses money compared with a year, a quantity or a count, and money added to a count", () => {
    expect(problem("revenue > year")).toBe("表达式“revenue > year”把金额与年度相比较：只能比较或加减同一计量的数");
    expect(problem('fact("landArea") >= yuan("100000")')).toBe(
      '表达式“fact("landArea") >= yuan("100000")”把数量（亩）与金额相比较：只能比较或加减同一计量的数',
    );
    expect(problem('tax + fact("employees")', "int")).toBe(
      '表达式“tax + fact("employees")”把金额与个数相加：只能比较或加减同一计量的数',
    );
  });

  it("accepts one measure, bare numbers as multipliers, and declared money beside built-in money", () => {
    expect(problem("100 * revenue > 130 * previous.revenue")).toBeNull();
    expect(problem('fact("netTax") >= factBefore("netTax", 1) && tax > yuan("100000")')).toBeNull();
    expect(problem('fact("landArea") >= 5000 && year >= 2024')).toBeNull();
    expect(problem('fact("landArea") >= quantity("50") && fact("employees") > quantity("10")')).toBeNull();
    expect(problem('revenue > quantity("50")')).toBe(
      '表达式“revenue > quantity("50")”把金额与数量相比较：只能比较或加减同一计量的数',
    );
    expect(problem('3 * fact("netTax") - (factBefore("netTax", 1) + factBefore("netTax", 2))', "int")).toBeNull();
  });
});
