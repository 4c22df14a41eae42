import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { code } from "@beizeng/domain/rewards/testing/builders";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bufferSource, runRewardsBatch, streamRewardsBatch } from "./rewards";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const goldenInput = await readFile(join(fixtures, "rewards-input.json"), "utf8");
const goldenOutput = JSON.parse(await readFile(join(fixtures, "rewards-output.json"), "utf8"));

const VALID_CODE = "91360200MA35A0001X";

function batch(inputText: string, extra: { planId?: string; plansDirectory?: string; json?: boolean } = {}) {
  return runRewardsBatch({ inputText, inputName: "input.json", json: true, ...extra });
}

/** A valid one-enterprise batch with `patch` applied to a deep copy. */
function withChange(
  patch: (data: { enterprises: Record<string, unknown>[]; projects: Record<string, unknown>[] }) => void,
) {
  const data = {
    enterprises: [
      {
        creditCode: VALID_CODE,
        name: "测试企业",
        years: [
          {
            year: 2021,
            aboveScale: true,
            revenue: "1000000000",
            grants: [{ id: "g1", level: "national", purpose: "project", amount: "100" }],
          },
          {
            year: 2022,
            aboveScale: true,
            revenue: "1200000000",
            techProjects: [{ id: "t1", investment: "3000000", equipmentInvoices: "100", techFundsReceived: false }],
          },
        ],
      },
    ],
    projects: [
      { id: "p1", creditCode: VALID_CODE, plannedInvestment: "2000000000", introducedYear: 2021, productionYear: 2022 },
    ],
  };
  patch(data as never);
  return JSON.stringify(data);
}

describe("beizeng rewards (in process)", () => {
  test("the golden batch gives the golden output, computed by hand", async () => {
    const outcome = await batch(goldenInput);
    expect(outcome.stderr).toBe("");
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(goldenOutput);
  });

  test("without --json: a Chinese table with the total", async () => {
    const outcome = await batch(goldenInput, { json: false });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain("统一社会信用代码");
    expect(outcome.stdout).toContain("营业收入首次突破奖励（R-REV-MILESTONE）");
    expect(outcome.stdout).toContain("一企一策另定");
    expect(outcome.stdout).toContain("合计 19 项，金额 47,662,505.71 元（47662505.71 元）");
  });

  const malformed: [string, string, string][] = [
    [
      "an amount given as a number",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.revenue = 1000000000)),
      "enterprises[0].years[0].revenue: not a decimal",
    ],
    [
      "an amount with an exponent",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.revenue = "1.2e9")),
      "enterprises[0].years[1].revenue: not a decimal",
    ],
    [
      "an amount with separators",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.tax = "12,000")),
      "enterprises[0].years[1].tax: not a decimal",
    ],
    [
      "a negative amount",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.revenue = "-5")),
      "enterprises[0].years[1].revenue: must not be negative",
    ],
    [
      "an amount finer than a fen",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.revenue = "1.234")),
      "enterprises[0].years[1].revenue: finer than a fen",
    ],
    [
      "a fractional year",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.year = 2022.5)),
      "enterprises[0].years[1].year: expected an integer",
    ],
    [
      "a year as text",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.year = "2022")),
      "enterprises[0].years[1].year: expected a number",
    ],
    [
      "a missing year",
      withChange((d) => delete (d.enterprises[0]!.years as Record<string, unknown>[])[1]!.year),
      "enterprises[0].years[1].year: required",
    ],
    [
      "a flag as text",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.aboveScale = "yes")),
      "enterprises[0].years[0].aboveScale: expected true or false",
    ],
    [
      "an unknown listing kind",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.listing = "nasdaq")),
      "enterprises[0].years[0].listing: must be one of domestic, overseas, neeq",
    ],
    [
      "an unknown grant level",
      withChange(
        (d) =>
          (((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.grants as Record<string, unknown>[])[0]!.level =
            "county"),
      ),
      "enterprises[0].years[0].grants[0].level: must be one of national, provincial, municipal",
    ],
    [
      "a grant without amount",
      withChange(
        (d) =>
          delete ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.grants as Record<string, unknown>[])[0]!
            .amount,
      ),
      "enterprises[0].years[0].grants[0].amount: required",
    ],
    [
      "a tech project without techFundsReceived",
      withChange(
        (d) =>
          delete (
            (d.enterprises[0]!.years as Record<string, unknown>[])[1]!.techProjects as Record<string, unknown>[]
          )[0]!.techFundsReceived,
      ),
      "enterprises[0].years[1].techProjects[0].techFundsReceived: required",
    ],
    [
      "an unknown field",
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.revenu = "1")),
      "enterprises[0].years[1].revenu: unknown field",
    ],
    [
      "a credit code of the wrong length",
      withChange((d) => (d.enterprises[0]!.creditCode = "9136020")),
      "enterprises[0].creditCode: invalid credit code（统一社会信用代码应为18位",
    ],
    [
      "a credit code with a forbidden letter",
      withChange((d) => (d.enterprises[0]!.creditCode = "91360200MA35A0001I")),
      "enterprises[0].creditCode: invalid credit code（统一社会信用代码含有非法字符",
    ],
    [
      "a credit code with a wrong check character",
      withChange((d) => (d.enterprises[0]!.creditCode = "91360200MA35A0001Y")),
      "enterprises[0].creditCode: invalid credit code（统一社会信用代码校验位错误",
    ],
    [
      "a project's credit code invalid",
      withChange((d) => (d.projects[0]!.creditCode = "91360200MA35A0001Y")),
      "projects[0].creditCode: invalid credit code",
    ],
    [
      "a repeated project id",
      withChange((d) => d.projects.push({ ...d.projects[0]! })),
      'projects[1].id: repeated project id "p1", also at projects[0]',
    ],
    [
      "a repeated enterprise",
      withChange((d) => d.enterprises.push(structuredClone(d.enterprises[0]!))),
      "enterprises[1].creditCode: repeated enterprise",
    ],
    [
      "a repeated year",
      withChange((d) => (d.enterprises[0]!.years as Record<string, unknown>[]).push({ year: 2021 })),
      "enterprises[0].years[2].year: repeated year 2021, also at years[0]",
    ],
    [
      "a repeated grant id",
      withChange(
        (d) =>
          ((d.enterprises[0]!.years as Record<string, unknown>[])[1]!.grants = [
            { id: "g1", level: "municipal", purpose: "project", amount: "1" },
          ]),
      ),
      'enterprises[0].years[1].grants[0].id: repeated grant id "g1"',
    ],
    [
      "production before introduction",
      withChange((d) => (d.projects[0]!.productionYear = 2020)),
      "projects[0].productionYear: production year 2020 is before the year introduced 2021",
    ],
    [
      "a project without its year introduced",
      withChange((d) => delete d.projects[0]!.introducedYear),
      "projects[0].introducedYear: required",
    ],
    ["enterprises missing", JSON.stringify({ projects: [] }), "enterprises: required"],
    ["enterprises not a list", JSON.stringify({ enterprises: {} }), "enterprises: expected an array"],
    ["the input not an object", "[1, 2]", "(input): expected an object"],
    ["not JSON at all", "{ enterprises: ", "(input): not valid JSON"],
  ];

  test.each(malformed)("%s → exit 2 naming the path", async (_name, inputText, expected) => {
    const outcome = await batch(inputText);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toContain(expected);
  });

  test("every problem is listed, one line each", async () => {
    const outcome = await batch(
      withChange((d) => {
        const years = d.enterprises[0]!.years as Record<string, unknown>[];
        years[0]!.revenue = "x";
        years[1]!.tax = 3;
        d.projects[0]!.plannedInvestment = "1e9";
      }),
    );
    expect(
      outcome.stderr
        .trim()
        .split("\n")
        .map((line) => line.split(":")[0]),
    ).toEqual(["enterprises[0].years[0].revenue", "enterprises[0].years[1].tax", "projects[0].plannedInvestment"]);
  });

  test("null stands for an absent optional field", async () => {
    const outcome = await batch(
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.tax = null)),
    );
    expect(outcome.exitCode).toBe(0);
  });

  test("an unknown plan, or an invalid plan id, is refused with exit 2", async () => {
    expect((await batch(goldenInput, { planId: "no-such-plan" })).stderr).toContain(
      "--plan: 找不到计划 / no such plan: no-such-plan",
    );
    expect((await batch(goldenInput, { planId: "../etc" })).exitCode).toBe(2);
  });

  describe("with a plan directory of its own", () => {
    let directory = "";
    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), "beizeng-plans-"));
      const text = await readFile(join(repoRoot, "plans/changjiang-2021-2023/plan.yaml"), "utf8");
      await mkdir(join(directory, "changjiang-2021-2023"));
      const changed = text.replace(/(- id: sameYearMilestoneTiers[\s\S]*?value: )each/, "$1highest");
      expect(changed).not.toBe(text);
      await writeFile(join(directory, "changjiang-2021-2023", "plan.yaml"), changed);
    });
    afterAll(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    test("changing a parameter in the plan file changes the result", async () => {
      const outcome = await batch(goldenInput, { plansDirectory: directory });
      expect(outcome.exitCode).toBe(0);
      const output = JSON.parse(outcome.stdout);
      const milestones = output.entitlements.filter((entry: { ruleId: string }) => entry.ruleId.endsWith("MILESTONE"));
      // Only the highest tier of each same-year crossing: 100亿 (200万), 1亿 (100万), 20亿 (2000万).
      expect(milestones.map((entry: { tier: string; amount: string }) => `${entry.tier}:${entry.amount}`)).toEqual([
        "10000000000:2000000",
        "100000000:1000000",
        "2000000000:20000000",
      ]);
      // 47,662,505.71 − 1,000,000 (50亿 tier) − 10,000,000 (10亿 tax tier).
      expect(output.total).toBe("36662505.71");
    });

    test("--plan takes a plan file's path as well as an id", async () => {
      const byPath = await batch(goldenInput, { planId: join(directory, "changjiang-2021-2023", "plan.yaml") });
      expect(byPath.exitCode, byPath.stderr).toBe(0);
      expect(JSON.parse(byPath.stdout).total).toBe("36662505.71");
      const missing = await batch(goldenInput, { planId: join(directory, "nowhere.yaml") });
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toContain("找不到计划");
    });
  });
});

/** A seeded district of `count` enterprises in the EXCHANGE.md §1 shape, with every kind of fact the rules read. */
function generatedBatch(count: number, seed: number, projectsFirst: boolean): string {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const yuan = (max: number) =>
    `${Math.floor(random() * max)}${random() < 0.3 ? `.${Math.floor(random() * 90) + 10}` : ""}`;
  const enterprises = [];
  const projects = [];
  for (let index = 0; index < count; index++) {
    const creditCode = code(1000 + index);
    const years = [];
    let revenue = random() * 4e10;
    for (const year of [2020, 2021, 2022, 2023]) {
      revenue *= 0.8 + random() * 1.6;
      const entry: Record<string, unknown> = { year, revenue: Math.round(revenue).toString() };
      if (random() < 0.95) entry.aboveScale = random() < 0.8;
      if (random() < 0.1) entry.newlyAboveScale = true;
      if (random() < 0.9) entry.tax = Math.round(revenue * random() * 0.08).toString();
      if (random() < 0.2)
        entry.grants = [
          {
            id: `g${index}-${year}`,
            level: pick(["national", "provincial", "municipal"]),
            purpose: pick(["project", "tech"]),
            amount: yuan(5e6),
          },
        ];
      if (random() < 0.1)
        entry.techProjects = [
          {
            id: `t${index}-${year}`,
            investment: yuan(6e6),
            equipmentInvoices: yuan(3e6),
            techFundsReceived: random() < 0.3,
          },
        ];
      if (random() < 0.02) entry.listing = pick(["domestic", "overseas", "neeq"]);
      if (random() < 0.01) entry.listedRegistrationMovedIn = true;
      if (random() < 0.01) entry.top500SettledIn = true;
      years.push(entry);
    }
    const enterprise: Record<string, unknown> = { creditCode, years: random() < 0.5 ? years : years.reverse() };
    if (random() < 0.5) enterprise.name = `企业${index}`;
    if (random() < 0.6) enterprise.before = { maxRevenue: yuan(2e10), maxTax: yuan(1e9) };
    enterprises.push(enterprise);
    if (random() < 0.1) {
      const introducedYear = pick([2020, 2021, 2022, 2023]);
      projects.push({
        id: `p${index}`,
        creditCode: random() < 0.2 ? code(900_000 + index) : creditCode,
        plannedInvestment: yuan(8e9),
        introducedYear,
        productionYear: pick([introducedYear, introducedYear + 1, null]),
      });
    }
  }
  const shuffled = enterprises.sort(() => random() - 0.5);
  return JSON.stringify(
    projectsFirst ? { projects, enterprises: shuffled } : { enterprises: shuffled, projects },
    null,
    1,
  );
}

async function streamed(inputText: string): Promise<{ taken: boolean; stdout: string }> {
  let stdout = "";
  const taken = await streamRewardsBatch(bufferSource(Buffer.from(inputText)), {}, (text) => {
    stdout += text;
  });
  return { taken, stdout };
}

describe("beizeng rewards --json, the input read as a stream", () => {
  test("prints, byte for byte, what reading the input whole prints", async () => {
    const inputs = [
      goldenInput,
      generatedBatch(600, 7, false),
      generatedBatch(300, 11, true),
      '{"enterprises": []}',
      JSON.stringify({
        enterprises: [{ creditCode: VALID_CODE, years: [{ year: 2021, revenue: "1" }] }],
        projects: null,
      }),
    ];
    for (const inputText of inputs) {
      const whole = await batch(inputText);
      expect(whole.exitCode, whole.stderr).toBe(0);
      const stream = await streamed(inputText);
      expect(stream.taken).toBe(true);
      expect(stream.stdout).toBe(whole.stdout);
    }
  }, 60_000);

  test("shares a plan's yearly budget over the whole file, not over each part it reads", async () => {
    // 沂水's special fund: 600 awards of 100万 (2 % of 5000万 of equipment) against 2000万 in 2022.
    const project = (id: string) => ({
      id,
      investment: "50000000",
      equipmentInvoices: "50000000",
      techFundsReceived: false,
    });
    const enterprises = Array.from({ length: 600 }, (_, index) => ({
      creditCode: code(index + 1),
      years: [{ year: 2022, techProjects: [project(`t${index}`)] }],
    }));
    const inputText = JSON.stringify({ enterprises });
    const whole = await batch(inputText, { planId: "yishui-2022-2024" });
    expect(whole.exitCode, whole.stderr).toBe(0);
    expect(JSON.parse(whole.stdout).total).toBe("20000000");
    let stdout = "";
    const taken = await streamRewardsBatch(
      bufferSource(Buffer.from(inputText)),
      { planId: "yishui-2022-2024" },
      (text) => {
        stdout += text;
      },
    );
    expect(taken).toBe(true);
    expect(stdout).toBe(whole.stdout);
  }, 60_000);

  test("leaves to the whole reading, having written nothing, input it does not take as it is", async () => {
    const refused = [
      withChange((d) => ((d.enterprises[0]!.years as Record<string, unknown>[])[0]!.revenue = "1.234")),
      withChange((d) => d.enterprises.push(structuredClone(d.enterprises[0]!))),
      withChange((d) => ((d.projects[0] as Record<string, unknown>).productionYear = 2020)),
      withChange((d) => ((d as Record<string, unknown>).parameters = {})),
      '{"enterprises": [}',
      '{"projects": []}',
      "[]",
    ];
    for (const inputText of refused) {
      const stream = await streamed(inputText);
      expect(stream, inputText).toEqual({ taken: false, stdout: "" });
    }
  }, 30_000);
});

describe("beizeng rewards (as a process)", () => {
  const run = promisify(execFile);
  const harness = join(fixtures, "rewards-only.ts");
  const invoke = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", harness, "rewards", ...args], {
        cwd: repoRoot,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  test("--json prints only the JSON object", async () => {
    const result = await invoke(["--input", join(fixtures, "rewards-input.json"), "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(goldenOutput);
  }, 30_000);

  test("--input - reads standard input", async () => {
    const child = execFile(process.execPath, ["--import", "tsx", harness, "rewards", "--input", "-", "--json"], {
      cwd: repoRoot,
    });
    child.stdin?.end(goldenInput);
    let stdout = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    const status = await new Promise((resolve) => child.once("exit", resolve));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(goldenOutput);
  }, 30_000);

  test("bad input exits with code 2 and names the path on standard error", async () => {
    const directory = await mkdtemp(join(tmpdir(), "beizeng-rewards-"));
    try {
      const file = join(directory, "bad.json");
      const data = JSON.parse(goldenInput);
      data.enterprises[3].years[0].tax = "21亿";
      await writeFile(file, JSON.stringify(data));
      const result = await invoke(["--input", file, "--json"]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("enterprises[3].years[0].tax: not a decimal");
      const missing = await invoke(["--input", join(directory, "absent.json"), "--json"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("--input");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 30_000);
});
