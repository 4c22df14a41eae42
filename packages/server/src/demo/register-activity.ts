/**
 * The register's own records for the demo: designations (专精特新, 小巨人, 单项冠军, 两化融合), the dated
 * listing steps behind each enterprise's listing stage (T-M7, R-IPO) and a few visit notes of the leader.
 *
 * Listing steps are drawn so that the plan's listing targets show every state: some display listings date from
 * before the plan and do not count (挂牌展示 falls short of 18), six shareholding reforms fall in the plan
 * (股改 met), and one company lists on a domestic exchange in 2023 after its 新三板 quotation.
 */
import { addDays, dateInYear } from "./dates";
import type { DemoDesignation, DemoEnterprise, DemoListingEvent, DemoServiceNote, ListingStage } from "./generate";
import type { SeededRandom } from "./random";

const LISTING_NOTES: Record<ListingStage, string> = {
  display: "在江西联合股权交易中心挂牌展示",
  shareholding: "完成股份制改造，变更为股份有限公司",
  neeq: "在全国中小企业股份转让系统挂牌（新三板）",
  domestic: "首次公开发行股票并在深圳证券交易所创业板上市",
  overseas: "在香港联合交易所主板上市",
};

/**
 * The years of each step up to the enterprise's stage, in order. `earlyDisplay` places the display listing
 * before the plan (it then does not count toward T-M7a).
 */
function listingYears(random: SeededRandom, stage: ListingStage, earlyDisplay: boolean): [ListingStage, number][] {
  switch (stage) {
    case "domestic":
      return [
        ["display", 2019],
        ["shareholding", 2020],
        ["neeq", 2021],
        ["domestic", 2023],
      ];
    case "neeq": {
      const display = earlyDisplay ? 2020 : 2021;
      return [
        ["display", display],
        ["shareholding", 2021],
        ["neeq", random.pick([2022, 2023])],
      ];
    }
    case "shareholding": {
      const display = earlyDisplay ? 2020 : random.pick([2021, 2022]);
      return [
        ["display", display],
        // Every reform but the listed company's falls in the plan: six of them, T-M7b's number.
        ["shareholding", Math.min(2023, Math.max(2021, display + random.int(0, 1)))],
      ];
    }
    case "overseas":
      return [
        ["display", 2020],
        ["shareholding", 2021],
        ["overseas", 2023],
      ];
    default:
      return [["display", earlyDisplay ? 2020 : random.pick([2021, 2021, 2022, 2022, 2023])]];
  }
}

/** Dated listing steps for every enterprise with a listing stage; the last step is that stage. */
export function makeListingEvents(random: SeededRandom, enterprises: readonly DemoEnterprise[]): DemoListingEvent[] {
  const listed = enterprises.filter((e) => e.listingStage !== null);
  // One of each of the first stages was shown before the plan (2020): it does not count toward the targets.
  const early = new Set<DemoEnterprise>();
  for (const stage of ["display", "shareholding"] as const) {
    const first = listed.find((e) => e.listingStage === stage);
    if (first) early.add(first);
  }
  const events: DemoListingEvent[] = [];
  for (const enterprise of listed) {
    let previous = "";
    for (const [stage, year] of listingYears(random, enterprise.listingStage!, early.has(enterprise))) {
      let date = dateInYear(random, year, 2, 11);
      // Two steps in one year: the later one comes after the earlier, by at least a month.
      if (date <= previous) date = addDays(previous, random.int(30, 60));
      previous = date;
      events.push({ creditCode: enterprise.creditCode, stage, date, note: LISTING_NOTES[stage] });
    }
  }
  return events;
}

/**
 * Designations among the enterprises ranked by 2020 revenue: 12 专精特新 (provincial and municipal), two of
 * them later national 专精特新“小巨人”, one provincial 单项冠军 and six 两化融合 (贯标) of every level.
 */
export function makeDesignations(random: SeededRandom, ranked: readonly DemoEnterprise[]): DemoDesignation[] {
  const designations: DemoDesignation[] = [];
  const specialized = random.shuffled(ranked.slice(3, 45)).slice(0, 12);
  specialized.forEach((enterprise, index) => {
    const level = index < 8 ? "provincial" : "municipal";
    // The first two became 小巨人 later: their provincial designation is early enough for that.
    const year = index < 2 ? 2020 + index : random.int(2019, 2023);
    designations.push({ creditCode: enterprise.creditCode, kind: "specialized", level, year });
    if (index < 2) {
      designations.push({
        creditCode: enterprise.creditCode,
        kind: "little_giant",
        level: "national",
        year: year + random.int(1, 2),
      });
    }
  });
  const champion = random.pick(ranked.slice(1, 8));
  designations.push({ creditCode: champion.creditCode, kind: "single_champion", level: "provincial", year: 2022 });
  const integration = [ranked[0]!, ...random.shuffled(ranked.slice(1, 30)).slice(0, 5)];
  const levels = ["national", "provincial", "provincial", "provincial", "municipal", "municipal"] as const;
  integration.forEach((enterprise, index) => {
    designations.push({
      creditCode: enterprise.creditCode,
      kind: "integration",
      level: levels[index]!,
      year: index === 0 ? 2021 : random.int(2020, 2023),
    });
  });
  return designations;
}

const VISIT_NOTES = [
  {
    kind: "visit",
    daysAgo: 9,
    content: "走访企业，了解二期扩产的用地和用电需求；请区工信局牵头对接供电公司，两周内反馈接入方案。",
  },
  {
    kind: "visit",
    daysAgo: 37,
    content: "走访企业，企业反映新招技术工人住房困难；请丽阳镇协调园区人才公寓，区人社部门落实稳岗补贴。",
  },
  {
    kind: "policy",
    daysAgo: 64,
    content: "一企一策：支持企业申报省级专精特新，协调银行提供技改贷款 3000 万元，区金融办跟踪落实。",
  },
] as const;

/** A couple of visit notes and one 一企一策 note by the leader, on the enterprises assigned to them. */
export function makeServiceNotes(enterprises: readonly DemoEnterprise[], today: string): DemoServiceNote[] {
  const assigned = enterprises.filter((e) => e.leaderUsername !== null);
  return VISIT_NOTES.flatMap((note, index) => {
    const enterprise = assigned[index % Math.max(1, assigned.length)];
    if (!enterprise) return [];
    return [
      {
        creditCode: enterprise.creditCode,
        authorUsername: enterprise.leaderUsername!,
        kind: note.kind,
        notedOn: addDays(today, -note.daysAgo),
        content: note.content,
      },
    ];
  });
}
