/**
 * The Changjiang rules as a GoRules JDM decision graph for @gorules/zen-engine: the request
 * (one enterprise-year, see ./facts.ts) flows into decision tables side by side, one per rule
 * family, into the response:
 *
 * - milestones (revenue, tax): collect tables, one row per tier, `figure > T and priorMax <= T`;
 * - growth: a first-hit table, highest band first, `(revenue − previousRevenue) × d > n × previousRevenue`;
 * - once-per-enterprise events and listings: collect / first-hit tables on the event flags;
 * - grants and tech projects: tables in loop mode over the year's `grants` / `techProjects`, the
 *   amount an output expression `round(amount * 0.20)`.
 *
 * ZEN evaluates expressions in decimal arithmetic (not binary floating point): fen figures
 * (integers) and the plan's rates ("0.20") are exact, and `round` rounds half away from zero,
 * which for these non-negative amounts is the plan's half-up. Investment projects go through a
 * second, one-table graph. The decisions are created once (`engine.createDecision`) and
 * evaluated with the asynchronous `decision.evaluate(context)`, many evaluations in flight at a
 * time (`ZEN_IN_FLIGHT` per batch): the native engine works off the JavaScript thread.
 */
import { ZenEngine } from "@gorules/zen-engine";
import { type ProjectFacts, projectFactsOf, type YearFacts, yearFactsOf } from "./facts";
import type { District } from "./generate";
import type { PeerRuleSet } from "./peer-rules";
import type { EntitlementRow } from "./rows";

export const ZEN_IN_FLIGHT = 256;

interface Column {
  id: string;
  name: string;
  field?: string;
}

interface TableOptions {
  id: string;
  name: string;
  hitPolicy: "first" | "collect";
  inputs: Column[];
  outputs: Column[];
  rules: Record<string, string>[];
  outputPath: string;
  loopOver?: string;
}

function table(options: TableOptions) {
  return {
    id: options.id,
    name: options.name,
    type: "decisionTableNode",
    position: { x: 400, y: 0 },
    content: {
      hitPolicy: options.hitPolicy,
      inputs: options.inputs,
      outputs: options.outputs,
      rules: options.rules.map((row, index) => ({ _id: `${options.id}-${index}`, ...row })),
      passThrough: false,
      outputPath: options.outputPath,
      inputField: options.loopOver ?? null,
      executionMode: options.loopOver ? "loop" : "single",
    },
  };
}

const text = (value: string | null) => (value === null ? "null" : `'${value}'`);

/** The entitlement's outputs, common to every table. */
const OUTPUTS: Column[] = [
  { id: "ruleId", name: "Rule", field: "ruleId" },
  { id: "tier", name: "Tier", field: "tier" },
  { id: "amount", name: "Amount (fen)", field: "amount" },
  { id: "subjectId", name: "Subject", field: "subjectId" },
];

function graph(request: string, tables: ReturnType<typeof table>[]) {
  const nodes = [
    { id: "request", name: request, type: "inputNode", position: { x: 0, y: 0 } },
    ...tables,
    { id: "response", name: "response", type: "outputNode", position: { x: 800, y: 0 } },
  ];
  const edges = tables.flatMap((node) => [
    { id: `in-${node.id}`, sourceId: "request", targetId: node.id, type: "edge" },
    { id: `out-${node.id}`, sourceId: node.id, targetId: "response", type: "edge" },
  ]);
  return { contentType: "application/vnd.gorules.decision", nodes, edges };
}

/** The decision graph evaluated once per enterprise-year. */
export function yearGraph(set: PeerRuleSet) {
  const years = `[${set.startYear}..${set.endYear}]`;
  const yearColumn: Column = { id: "year", name: "Plan year", field: "year" };
  const condition: Column = { id: "condition", name: "Condition" };
  const tables: ReturnType<typeof table>[] = [];

  for (const crossing of set.crossings) {
    const prior = crossing.metric === "revenue" ? "priorMaxRevenue" : "priorMaxTax";
    tables.push(
      table({
        id: crossing.ruleId,
        name: `${crossing.ruleId} first crossings`,
        hitPolicy: "collect",
        inputs: [yearColumn, condition],
        outputs: OUTPUTS,
        outputPath: crossing.ruleId,
        rules: crossing.tiers.map((tier) => ({
          year: years,
          condition: `${crossing.metric} != null and ${crossing.metric} > ${tier.threshold} and ${prior} <= ${tier.threshold}`,
          ruleId: text(crossing.ruleId),
          tier: text(tier.label),
          amount: String(tier.amount),
          subjectId: "null",
        })),
      }),
    );
  }

  const highestFirst = [...set.growth.bands].reverse();
  tables.push(
    table({
      id: set.growth.ruleId,
      name: "Growth bands (highest reached)",
      hitPolicy: "first",
      inputs: [
        yearColumn,
        { id: "aboveScale", name: "Above scale", field: "aboveScale" },
        { id: "newlyAboveScale", name: "Newly above scale", field: "newlyAboveScale" },
        condition,
      ],
      outputs: OUTPUTS,
      outputPath: set.growth.ruleId,
      rules: highestFirst.map((band) => ({
        year: years,
        aboveScale: "true",
        newlyAboveScale: "false",
        condition: `revenue != null and previousRevenue != null and previousRevenue > 0 and (revenue - previousRevenue) * ${band.denominator} > ${band.numerator} * previousRevenue`,
        ruleId: text(set.growth.ruleId),
        tier: text(band.label),
        amount: String(band.amount),
        subjectId: "null",
      })),
    }),
  );

  tables.push(
    table({
      id: "events",
      name: "Once-per-enterprise events",
      hitPolicy: "collect",
      inputs: [yearColumn, condition],
      outputs: OUTPUTS,
      outputPath: "events",
      rules: [
        {
          year: years,
          condition: "newlyAboveScale == true and newScaleEarlierInPlan == false",
          ruleId: text(set.newScale.ruleId),
          tier: "null",
          amount: String(set.newScale.amount),
          subjectId: "null",
        },
        {
          year: years,
          condition: "listedRegistrationMovedIn == true and listedMoveEarlierInPlan == false",
          ruleId: text(set.listedMove.ruleId),
          tier: "null",
          amount: String(set.listedMove.amount),
          subjectId: "null",
        },
        {
          year: years,
          condition: "top500SettledIn == true and top500EarlierInPlan == false",
          ruleId: text(set.top500.ruleId),
          tier: "null",
          amount: "null",
          subjectId: "null",
        },
      ],
    }),
  );

  tables.push(
    table({
      id: set.listing.ruleId,
      name: "Listings",
      hitPolicy: "first",
      inputs: [yearColumn, { id: "listing", name: "Listing", field: "listing" }, condition],
      outputs: OUTPUTS,
      outputPath: set.listing.ruleId,
      rules: set.listing.kinds.map((kind) => ({
        year: years,
        listing: text(kind.kind),
        condition: "listingKindReachedBefore == false",
        ruleId: text(set.listing.ruleId),
        tier: text(kind.kind),
        amount: String(kind.amount),
        subjectId: "null",
      })),
    }),
  );

  // Loop tables see one grant (tech project) at a time; the year is read from the request node.
  const loopYear = `$nodes.request.year >= ${set.startYear} and $nodes.request.year <= ${set.endYear}`;
  tables.push(
    table({
      id: set.match.ruleId,
      name: "Support-fund matching, per grant",
      hitPolicy: "first",
      loopOver: "grants",
      inputs: [{ id: "level", name: "Level", field: "level" }, condition],
      outputs: OUTPUTS,
      outputPath: set.match.ruleId,
      rules: set.match.rates.map((rate) => ({
        level: text(rate.level),
        condition: `${loopYear} and round(amount * ${rate.label}) >= 1`,
        ruleId: text(set.match.ruleId),
        tier: text(rate.label),
        amount: `round(amount * ${rate.label})`,
        subjectId: "id",
      })),
    }),
  );

  const techRate = set.tech.rate.label;
  tables.push(
    table({
      id: set.tech.ruleId,
      name: "Tech transformation, per project",
      hitPolicy: "first",
      loopOver: "techProjects",
      inputs: [
        { id: "investment", name: "Investment (fen)", field: "investment" },
        { id: "techFundsReceived", name: "Tech funds received", field: "techFundsReceived" },
        condition,
      ],
      outputs: OUTPUTS,
      outputPath: set.tech.ruleId,
      rules: [
        {
          investment: `>= ${set.tech.minInvestment}`,
          techFundsReceived: "false",
          condition: `${loopYear} and round(equipmentInvoices * ${techRate}) >= 1`,
          ruleId: text(set.tech.ruleId),
          tier: "null",
          amount: `round(equipmentInvoices * ${techRate})`,
          subjectId: "id",
        },
      ],
    }),
  );
  return graph("request", tables);
}

/** The decision graph evaluated once per investment project. */
export function projectGraph(set: PeerRuleSet) {
  return graph("request", [
    table({
      id: "categories",
      name: "Project categories (highest reached)",
      hitPolicy: "first",
      inputs: [
        { id: "introducedYear", name: "Introduced", field: "introducedYear" },
        { id: "productionYear", name: "In production", field: "productionYear" },
        { id: "plannedInvestment", name: "Planned investment (fen)", field: "plannedInvestment" },
      ],
      outputs: OUTPUTS,
      outputPath: "project",
      rules: set.projects.map((category) => ({
        introducedYear: `[${set.startYear}..${set.endYear}]`,
        productionYear: "!= null",
        plannedInvestment: `>= ${category.minInvestment}`,
        ruleId: text(category.ruleId),
        tier: "null",
        amount: String(category.amount),
        subjectId: "id",
      })),
    }),
  ]);
}

interface ZenEntitlement {
  ruleId: string;
  tier: string | null;
  amount: number | null;
  subjectId: string | null;
}

function exactFen(amount: number | null): bigint | null {
  if (amount === null) return null;
  if (!Number.isSafeInteger(amount)) throw new Error(`zen-engine returned an amount that is not whole fen: ${amount}`);
  return BigInt(amount);
}

/** Every non-null entitlement in a response (tables give a list, an object or null). */
function collect(result: Record<string, unknown>, code: string, year: number, rows: EntitlementRow[]): void {
  for (const value of Object.values(result)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items as (ZenEntitlement | null)[]) {
      if (item === null || item === undefined || typeof item !== "object" || !("ruleId" in item)) continue;
      rows.push({
        creditCode: code,
        ruleId: item.ruleId,
        tier: item.tier ?? null,
        year,
        amount: exactFen(item.amount ?? null),
        subjectId: item.subjectId ?? null,
      });
    }
  }
}

/** Every entitlement of the district, one graph evaluation per enterprise-year and per project. */
export async function zenRewards(
  set: PeerRuleSet,
  district: District,
  inFlight = ZEN_IN_FLIGHT,
): Promise<EntitlementRow[]> {
  const engine = new ZenEngine();
  const years = engine.createDecision(yearGraph(set));
  const projects = engine.createDecision(projectGraph(set));
  const rows: EntitlementRow[] = [];
  try {
    let batch: { code: string; facts: YearFacts }[] = [];
    const flush = async () => {
      const responses = await Promise.all(batch.map((item) => years.evaluate(item.facts)));
      responses.forEach((response, index) => {
        const item = batch[index]!;
        collect(response.result as Record<string, unknown>, item.code, item.facts.year, rows);
      });
      batch = [];
    };
    for (const enterprise of district.enterprises) {
      for (const facts of yearFactsOf(enterprise, set.startYear, set.endYear)) {
        batch.push({ code: enterprise.creditCode, facts });
        if (batch.length >= inFlight) await flush();
      }
    }
    if (batch.length > 0) await flush();

    for (let start = 0; start < district.projects.length; start += inFlight) {
      const slice: ProjectFacts[] = district.projects.slice(start, start + inFlight).map(projectFactsOf);
      const responses = await Promise.all(slice.map((facts) => projects.evaluate(facts)));
      responses.forEach((response, index) => {
        const facts = slice[index]!;
        collect(response.result as Record<string, unknown>, facts.creditCode, facts.productionYear as number, rows);
      });
    }
  } finally {
    engine.dispose();
  }
  return rows;
}
