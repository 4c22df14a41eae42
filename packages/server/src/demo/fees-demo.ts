/**
 * The demo's list of fees charged to enterprises (涉企收费清单): nine items kept by the office, a first version
 * published a year ago and a second after a standard was lowered and one fee abolished, two complaints by the
 * demo enterprise (one answered), and inspections with their accountability. Every record is marked as demo data
 * and written through the fee capability, so it is audited as the demo actor.
 */
import {
  createFeeItem,
  fileFeeComplaint,
  markFeeListAsDemo,
  publishFeeList,
  recordFeeInspection,
  updateFeeItemById,
} from "../capabilities/fees/index";
import { todayInChina } from "../capabilities/supervision/index";
import type { AuthUser } from "../platform/auth/auth.service";
import { addDays } from "./dates";
import { DEMO_ACTOR, type DemoWriter, demoStaff } from "./demo-writer";

const ITEMS = [
  [
    "城市基础设施配套费",
    "区住房和城乡建设局",
    "《江西省城市基础设施配套费征收管理办法》",
    "按新建建筑面积每平方米 30 元",
  ],
  ["污水处理费", "区城市管理局", "《污水处理费征收使用管理办法》（财税〔2014〕151号）", "工业用水每吨 0.95 元"],
  ["防空地下室易地建设费", "区人民防空办公室", "《江西省人民防空工程管理办法》", "按应建面积每平方米 1,800 元"],
  [
    "不动产登记费",
    "区不动产登记中心",
    "《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）",
    "非住宅每件 550 元",
  ],
  [
    "特种设备检验检测费",
    "市特种设备监督检验中心",
    "《江西省特种设备检验检测收费标准》",
    "按设备类别，每台 200–1,500 元",
  ],
  [
    "水土保持补偿费",
    "区水利局",
    "《水土保持补偿费征收使用管理办法》（财综〔2014〕8号）",
    "按占用土地面积每平方米 1.2 元",
  ],
  [
    "残疾人就业保障金",
    "区税务局",
    "《残疾人就业保障金征收使用管理办法》（财税〔2015〕72号）",
    "按上年职工年平均工资 × 差额人数",
  ],
  ["工会经费", "区总工会", "《中华人民共和国工会法》", "按全部职工工资总额的 2%"],
  ["地方水利建设基金", "区税务局", "《江西省地方水利建设基金筹集和使用管理办法》", "按增值税、消费税实缴额的 1%"],
] as const;

/** The demo enterprise's account as the services see it. */
function demoEnterpriseUser(writer: DemoWriter, username: string): AuthUser | undefined {
  const id = writer.ids.users.get(username);
  const account = writer.dataset.accounts.find((candidate) => candidate.username === username);
  if (id === undefined || account?.enterpriseCreditCode == null) return undefined;
  return {
    id,
    username,
    displayName: account.displayName,
    role: "enterprise",
    districtId: writer.districtId,
    unitId: null,
    enterpriseId: writer.enterpriseId(account.enterpriseCreditCode),
    mustChangePassword: false,
  };
}

export async function playFeeList(writer: DemoWriter): Promise<number> {
  const { tx } = writer;
  const office = demoStaff(writer, "demo-office", "office");
  const inspector = demoStaff(writer, "demo-inspector", "inspector");
  if (!office || !inspector) return 0;
  const today = todayInChina();
  const items = [];
  for (const [name, chargingUnit, legalBasis, standard] of ITEMS)
    items.push(
      await createFeeItem(
        tx,
        office,
        { name, chargingUnit, legalBasis, standard, effectiveFrom: "2021-01-01", status: "active" },
        DEMO_ACTOR,
      ),
    );
  await publishFeeList(tx, office, "首次公布全区涉企收费清单（演示）", DEMO_ACTOR);
  const sewage = items[1];
  const levy = items[8];
  if (sewage)
    await updateFeeItemById(
      tx,
      office,
      sewage.id,
      { ...sewage, standard: "工业用水每吨 0.80 元", effectiveFrom: addDays(today, -200) },
      DEMO_ACTOR,
    );
  if (levy)
    await updateFeeItemById(
      tx,
      office,
      levy.id,
      { ...levy, status: "abolished", effectiveTo: addDays(today, -190) },
      DEMO_ACTOR,
    );
  await publishFeeList(tx, office, "污水处理费下调至每吨 0.80 元，取消地方水利建设基金（演示）", DEMO_ACTOR);
  // The first version as published a year ago, the second half a year ago: a day between shows the first.
  await markFeeListAsDemo(tx, writer.districtId, [addDays(today, -365), addDays(today, -180)]);

  const enterprise = demoEnterpriseUser(writer, "demo-enterprise");
  let complaints = 0;
  if (enterprise && sewage) {
    await fileFeeComplaint(
      tx,
      enterprise,
      {
        kind: "aboveStandard",
        feeItemId: sewage.id,
        feeName: "污水处理费",
        chargedBy: "区城市管理局",
        amountYuan: "3600",
        chargedOn: addDays(today, -20),
        content: "本月仍按每吨 0.95 元收取污水处理费，高于清单公布的 0.80 元标准。（演示）",
        contactName: "王会计",
        contactPhone: "0798-8123456",
      },
      DEMO_ACTOR,
    );
    await fileFeeComplaint(
      tx,
      enterprise,
      {
        kind: "unlisted",
        feeName: "园区管理服务费",
        chargedBy: "某园区物业公司",
        amountYuan: "12000",
        chargedOn: addDays(today, -6),
        content: "园区物业以管理服务费名义按年收取费用，清单中无此项目。（演示）",
        contactName: "王会计",
        contactPhone: "0798-8123456",
      },
      DEMO_ACTOR,
    );
    complaints = 2;
  }

  const inspections = [
    { on: -300, unit: "区住房和城乡建设局", scope: "城市基础设施配套费征收", result: "compliant" },
    {
      on: -150,
      unit: "区城市管理局",
      scope: "污水处理费执行新标准情况",
      result: "violation",
      accountability: "refund",
    },
    { on: -60, unit: "某园区物业公司", scope: "园区内涉企收费", result: "violation", accountability: "talk" },
    { on: -15, unit: "区不动产登记中心", scope: "不动产登记费收取", result: "compliant" },
  ] as const;
  for (const inspection of inspections) {
    const accountable = "accountability" in inspection;
    await recordFeeInspection(
      tx,
      inspector,
      {
        inspectedOn: addDays(today, inspection.on),
        inspectedUnit: inspection.unit,
        scope: `${inspection.scope}（演示）`,
        result: inspection.result,
        findings: inspection.result === "violation" ? "发现超标准或清单外收费" : "收费项目和标准与清单一致",
        accountability: accountable ? inspection.accountability : null,
        accountabilityOn: accountable ? addDays(today, inspection.on + 7) : null,
        accountabilityNote: accountable ? "责令限期整改" : "",
        refundYuan: accountable && inspection.accountability === "refund" ? "42000" : null,
      },
      DEMO_ACTOR,
    );
  }
  return ITEMS.length + complaints + inspections.length;
}
