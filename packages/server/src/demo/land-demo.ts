/**
 * The demo's platform land (M1 腾笼换鸟): twelve parcels of the platform's towns in every status, recovered in
 * 2021–2023 so that the M1 task of recovering idle land has its quantities, and three zombie-enterprise cases (two
 * disposed of, one being disposed of). Written through the land capability as the office, so it is audited as the
 * demo actor, then marked as demo data; each note says it is demo data.
 */
import type { ParcelInput } from "@beizeng/contract/land";
import {
  createParcels,
  markLandRecordsAsDemo,
  recordZombieCase,
  recordZombieDisposal,
} from "../capabilities/land/index";
import { DEMO_ACTOR, type DemoWriter, demoStaff } from "./demo-writer";

type Row = [
  code: string,
  location: string,
  town: string,
  area: string,
  use: ParcelInput["use"],
  owner: string,
  dates: string[],
];

/** Dates of the statuses reached in order: idle since, recovery started, recovered, re-let or built. */
const PARCELS: Row[] = [
  [
    "YL-01",
    "鱼丽工业平台纬一路南侧",
    "nianyushan-town",
    "35.6",
    "industrial",
    "景德镇某建材有限公司",
    ["2018-03-01", "2021-08-10", "2021-09-28"],
  ],
  [
    "YL-02",
    "鱼丽工业平台经三路东侧",
    "nianyushan-town",
    "18.25",
    "industrial",
    "景德镇某陶瓷有限公司",
    ["2017-11-15", "2021-10-08", "2021-12-20", "relet:2022-06-18"],
  ],
  [
    "YL-03",
    "鱼丽工业平台纬二路北侧",
    "nianyushan-town",
    "42",
    "industrial",
    "江西某化工有限公司",
    ["2019-05-20", "2022-01-12", "2022-03-30", "built:2023-04-15"],
  ],
  [
    "YL-04",
    "鲇鱼山镇工业小区 3 号地",
    "nianyushan-town",
    "9.8",
    "warehousing",
    "景德镇某物流有限公司",
    ["2020-02-01", "2022-04-06", "2022-06-25"],
  ],
  [
    "YL-05",
    "鲇鱼山镇工业小区 7 号地",
    "nianyushan-town",
    "12.4",
    "industrial",
    "景德镇某机械有限公司",
    ["2020-09-01", "2022-08-15"],
  ],
  ["YL-06", "鲇鱼山镇滨江路西侧", "nianyushan-town", "6.75", "commercial", "景德镇某贸易有限公司", ["2021-01-10"]],
  [
    "LY-01",
    "丽阳镇工业集中区 A 区",
    "liyang-town",
    "27.3",
    "industrial",
    "景德镇某电子有限公司",
    ["2018-07-01", "2022-09-05", "2022-11-28", "relet:2023-05-10"],
  ],
  [
    "LY-02",
    "丽阳镇工业集中区 B 区",
    "liyang-town",
    "15",
    "industrial",
    "景德镇某包装有限公司",
    ["2019-12-01", "2023-02-14", "2023-03-31"],
  ],
  [
    "LY-03",
    "丽阳镇瓷都大道北侧",
    "liyang-town",
    "22.6",
    "industrial",
    "景德镇某新材料有限公司",
    ["2020-04-15", "2023-05-08", "2023-08-22"],
  ],
  [
    "LY-04",
    "丽阳镇工业集中区 C 区",
    "liyang-town",
    "11.15",
    "warehousing",
    "景德镇某仓储有限公司",
    ["2021-06-30", "2023-09-01"],
  ],
  ["LY-05", "丽阳镇丽阳路东侧", "liyang-town", "8.4", "other", "丽阳镇某村民委员会", ["2021-11-01"]],
  [
    "LY-06",
    "丽阳镇工业集中区 D 区",
    "liyang-town",
    "19.9",
    "industrial",
    "景德镇某纺织有限公司",
    ["2020-10-20", "2023-06-12", "2023-10-30", "built:2023-12-18"],
  ],
];

export async function playLand(writer: DemoWriter): Promise<{ parcels: number; zombieCases: number }> {
  const office = demoStaff(writer, "demo-office", "office");
  if (!office) return { parcels: 0, zombieCases: 0 };
  const { tx } = writer;
  const inputs: ParcelInput[] = PARCELS.map(([code, location, town, area, use, owner, dates]) => {
    const [idleSince, recoveryStartedOn, recoveredOn, last] = dates;
    const [lastStatus, lastDate] = last?.split(":") ?? [];
    const status =
      lastStatus === "relet" || lastStatus === "built"
        ? lastStatus
        : recoveredOn
          ? "recovered"
          : recoveryStartedOn
            ? "recovering"
            : "idle";
    return {
      code,
      location,
      townUnitId: writer.ids.units.get(town) ?? null,
      area,
      use,
      owner,
      status,
      idleSince,
      recoveryStartedOn: recoveryStartedOn ?? null,
      recoveredOn: recoveredOn ?? null,
      reletOn: lastStatus === "relet" ? lastDate : null,
      builtOn: lastStatus === "built" ? lastDate : null,
      note: "演示数据",
    };
  });
  await createParcels(tx, office, inputs, DEMO_ACTOR);

  const enterprises = [...writer.ids.enterprises.values()].slice(-3);
  const cases: [
    string,
    ("noRevenue" | "noTax" | "productionStopped" | "taxArrears")[],
    string,
    "merger" | "exit" | "revival",
    string,
    string | null,
  ][] = [
    [
      "2021-10-12",
      ["noRevenue", "productionStopped"],
      "2020年10月起停产，连续12个月无营业收入（演示数据）",
      "merger",
      "2021-11-01",
      "2022-04-26",
    ],
    [
      "2022-03-08",
      ["noTax", "taxArrears"],
      "连续12个月无入库税收，欠缴城镇土地使用税（演示数据）",
      "exit",
      "2022-04-15",
      "2022-12-09",
    ],
    ["2023-02-20", ["noRevenue", "noTax"], "连续12个月无营业收入和入库税收（演示数据）", "revival", "2023-03-15", null],
  ];
  let zombieCases = 0;
  for (const [index, enterpriseId] of enterprises.entries()) {
    const found = cases[index];
    if (!found) continue;
    const [on, criteria, finding, disposal, startedOn, disposedOn] = found;
    const created = await recordZombieCase(
      tx,
      office,
      { enterpriseId, decision: "confirm", criteria, finding, on },
      DEMO_ACTOR,
    );
    await recordZombieDisposal(
      tx,
      office,
      created.id,
      { disposal, startedOn, disposedOn, note: "演示数据" },
      DEMO_ACTOR,
    );
    zombieCases++;
  }
  await markLandRecordsAsDemo(tx, writer.districtId);
  return { parcels: inputs.length, zombieCases };
}
