import { describe, expect, it } from "vitest";
import { checkStageMove, isIsoDate, type StageDates, scheduleState, stageMoveEffect } from "./lifecycle";

const noDates: StageDates[] = [];

describe("moving a project between stages", () => {
  it("lets a project move forward, skipping stages, without a reason", () => {
    expect(checkStageMove({ from: "planning", to: "signed", reachedOn: "2022-03-01", today: "2022-04-01" })).toBeNull();
  });

  it("asks for a reason to move back", () => {
    const problem = checkStageMove({ from: "signed", to: "negotiation", reachedOn: "2022-03-01", today: "2022-04-01" });
    expect(problem?.code).toBe("reasonRequired");
    expect(problem?.message).toContain("须填写原因");
    const blank = checkStageMove({
      from: "signed",
      to: "negotiation",
      reachedOn: "2022-03-01",
      today: "2022-04-01",
      reason: "  ",
    });
    expect(blank?.code).toBe("reasonRequired");
    expect(
      checkStageMove({
        from: "signed",
        to: "negotiation",
        reachedOn: "2022-03-01",
        today: "2022-04-01",
        reason: "解约",
      }),
    ).toBeNull();
  });

  it("refuses a date in the future or before the current stage was reached", () => {
    expect(
      checkStageMove({ from: "planning", to: "negotiation", reachedOn: "2022-05-01", today: "2022-04-01" })?.code,
    ).toBe("dateInFuture");
    expect(
      checkStageMove({
        from: "negotiation",
        to: "signed",
        reachedOn: "2022-01-01",
        today: "2022-04-01",
        currentReachedOn: "2022-02-01",
      })?.code,
    ).toBe("dateBeforePrevious");
    expect(checkStageMove({ from: "signed", to: "signed", reachedOn: "2022-01-01", today: "2022-04-01" })?.code).toBe(
      "same",
    );
  });

  it("sets the year introduced on signing and the year in production on 建成投产", () => {
    const signed = stageMoveEffect({
      from: "negotiation",
      to: "signed",
      reachedOn: "2022-06-30",
      dates: noDates,
      introducedYear: null,
      productionYear: null,
    });
    expect(signed).toEqual({ reached: ["signed"], cleared: [], introducedYear: 2022, productionYear: null });
    const production = stageMoveEffect({
      from: "signed",
      to: "production",
      reachedOn: "2024-01-10",
      dates: [{ stage: "signed", plannedOn: null, reachedOn: "2022-06-30" }],
      introducedYear: 2022,
      productionYear: null,
    });
    expect(production).toEqual({
      reached: ["construction", "production"],
      cleared: [],
      introducedYear: 2022,
      productionYear: 2024,
    });
  });

  it("clears the later stages, and the years that no longer hold, when moving back", () => {
    const back = stageMoveEffect({
      from: "production",
      to: "negotiation",
      reachedOn: "2023-01-01",
      dates: noDates,
      introducedYear: 2021,
      productionYear: 2023,
    });
    expect(back).toEqual({
      reached: [],
      cleared: ["signed", "construction", "production"],
      introducedYear: null,
      productionYear: null,
    });
    const toConstruction = stageMoveEffect({
      from: "production",
      to: "construction",
      reachedOn: "2023-01-01",
      dates: noDates,
      introducedYear: 2021,
      productionYear: 2023,
    });
    expect(toConstruction.introducedYear).toBe(2021);
    expect(toConstruction.productionYear).toBeNull();
  });
});

describe("late against the planned dates", () => {
  const dates: StageDates[] = [{ stage: "signed", plannedOn: "2022-03-01", reachedOn: null }];

  it("is green before the planned date and on it", () => {
    expect(scheduleState("negotiation", dates, "2022-02-28").status).toBe("green");
    expect(scheduleState("negotiation", dates, "2022-03-01").status).toBe("green");
  });

  it("is yellow up to 30 days late, red after", () => {
    expect(scheduleState("negotiation", dates, "2022-03-02")).toEqual({
      status: "yellow",
      lateStage: "signed",
      daysLate: 1,
    });
    expect(scheduleState("negotiation", dates, "2022-03-31").status).toBe("yellow");
    expect(scheduleState("negotiation", dates, "2022-04-01")).toEqual({
      status: "red",
      lateStage: "signed",
      daysLate: 31,
    });
  });

  it("ignores stages already passed and is done in production", () => {
    expect(scheduleState("signed", dates, "2023-01-01").status).toBe("green");
    expect(scheduleState("production", dates, "2030-01-01").status).toBe("done");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-2-1")).toBe(false);
  });
});
