/**
 * A plan drafted from the text of its issued document: clauses by the document's own numbering, verbatim; the
 * units its notes name, with their kinds guessed; the targets its sentences set; every sentence that promises
 * money as a reward rule in the rule language, marked for review with its quote. What the text cannot say (the
 * district's code, the fact a reward is paid on, English names) is marked REVIEW_MARK; once a person has filled
 * every mark the draft is an ordinary plan file, and the loader refuses it before. Pure: text in, draft out.
 */
import { Document, isNode } from "yaml";
import type { PlanFile, PlanUnit } from "../schema";
import type { UnitKind } from "../vocabulary";
import { type DocumentHeader, readDocument } from "./document-structure";
import {
  type MoneySentence,
  promisesMoney,
  readMoneySentence,
  sentencesOf,
  type TargetStatement,
  targetsIn,
} from "./figures";
import { REVIEW_MARK, type UnfilledMark, unfilledReviewMarks } from "./review-marks";
import { districtStems, gatherUnits, type NamedUnit, unitNamed, unitNotesOf, unitsInSentences } from "./units";

export interface DraftOptions {
  /**
   * The district's plan in force, when the draft is to become its next version: its id, district, chains, units
   * (matched by name, so that accounts and records keep theirs), request categories and award workflow are kept.
   */
  base?: PlanFile;
}

export interface DraftClause {
  id: string;
  section: string;
  title: string;
  text: string;
}

export interface DraftUnit {
  id: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  /** The clauses whose notes or sentences name it. */
  clauses: string[];
  /** The unit is the district's already (matched by name in the plan in force). */
  known: boolean;
}

export interface DraftTarget extends TargetStatement {
  id: string;
  clause: string;
}

export interface DraftMoneySentence extends MoneySentence {
  ruleId: string;
  clause: string;
}

export interface PlanDraft {
  header: DocumentHeader;
  /** The draft plan file's data; REVIEW_MARK where a person must decide. */
  plan: Record<string, unknown>;
  /** The same as a YAML file, each rule preceded by its quote and each mark by what to write there. */
  yaml: string;
  clauses: DraftClause[];
  units: DraftUnit[];
  /** Collective names (各乡镇（街道）) the notes use, which stand for every place of the district. */
  collectives: string[];
  targets: DraftTarget[];
  money: DraftMoneySentence[];
  marks: UnfilledMark[];
  /** Lines left out as page furniture (page numbers, running headers, notes about the copy). */
  dropped: string[];
}

const SECTION_PREFIXES: [RegExp, string][] = [
  [/目标/, "G"],
  [/保障|组织实施|附则/, "S"],
];

function sectionPrefix(title: string): string {
  for (const [pattern, prefix] of SECTION_PREFIXES) if (pattern.test(title)) return prefix;
  return "M";
}

/** Drafts a plan from the text of an issued document. */
export function draftPlan(text: string, options: DraftOptions = {}): PlanDraft {
  const base = options.base;
  const read = readDocument(text);
  const districtName = base?.district.name ?? /^(.{2,10}?[区县市旗])/.exec(read.header.title ?? "")?.[1];
  const stems = districtStems(districtName);

  // Clauses, with ids from their sections' words and the document's numbers.
  const clauses: DraftClause[] = [];
  const groups: { id: string; title: string; sectionNumber: number; number: number }[] = [];
  const groupOfClause = new Map<string, string>();
  const kindOfClause = new Map<string, "measure" | "safeguard">();
  const taken = new Set<string>();
  for (const section of read.sections) {
    const prefix = sectionPrefix(section.title);
    for (const group of section.groups) {
      groups.push({
        id: `group-${section.number}-${group.number}`,
        title: group.title,
        sectionNumber: section.number,
        number: group.number,
      });
    }
    for (const clause of section.clauses) {
      let id: string;
      if (clause.level === "section")
        id = /思路|指导思想|总体要求|总则/.test(section.title) ? "DIR" : `C${section.number}`;
      else if (clause.level === "paragraph") id = `P${clause.number}`;
      else if (/^第/.test(clause.text)) id = `A${clause.number}`;
      else id = `${prefix}${clause.number}`;
      if (taken.has(id)) id = `${prefix}${section.number}-${clause.number}`;
      let unique = id;
      for (let n = 2; taken.has(unique); n += 1) unique = `${id}-${n}`;
      taken.add(unique);
      clauses.push({
        id: unique,
        section: section.heading || section.title || "正文",
        title: clause.title,
        text: clause.text,
      });
      if (clause.group !== undefined) groupOfClause.set(unique, `group-${section.number}-${clause.group}`);
      else groupOfClause.set(unique, `section-${section.number}`);
      kindOfClause.set(unique, prefix === "S" ? "safeguard" : "measure");
      if (!groups.some((group) => group.id === `section-${section.number}`) && clause.group === undefined) {
        groups.push({
          id: `section-${section.number}`,
          title: section.title || "正文",
          sectionNumber: section.number,
          number: 0,
        });
      }
    }
  }

  // Units: the notes' and the set-up sentences', in the order first named.
  const mentions: { clause: string; name: string; kind?: UnitKind; hostName?: string }[] = [];
  const notes = new Map<string, { lead: string[]; responsible: string[]; collective: string[] }>();
  for (const clause of clauses) {
    const roles = { lead: [] as string[], responsible: [] as string[], collective: [] as string[] };
    for (const note of unitNotesOf(clause.id, clause.text)) {
      for (const name of [...note.lead, ...note.responsible]) mentions.push({ clause: clause.id, name });
      roles.lead.push(...note.lead);
      roles.responsible.push(...note.responsible);
      roles.collective.push(...note.collective);
    }
    for (const found of unitsInSentences(clause.id, clause.text)) {
      const mention: { clause: string; name: string; kind?: UnitKind; hostName?: string } = {
        clause: clause.id,
        name: found.name,
      };
      if (found.kind) mention.kind = found.kind;
      if (found.hostName) mention.hostName = found.hostName;
      mentions.push(mention);
      if (found.lead) roles.lead.push(found.name);
    }
    if (roles.lead.length + roles.responsible.length + roles.collective.length > 0) notes.set(clause.id, roles);
  }
  const named = gatherUnits(mentions, stems);
  const { units, draftUnits } = planUnits(named, base, stems);
  const idOfName = (name: string) => {
    const unit = unitNamed(named, name, stems);
    return unit ? draftUnits.find((draft) => draft.name === unit.name)?.id : undefined;
  };
  const places = units.filter((unit) => unit.kind === "town" || unit.kind === "street" || unit.kind === "zone");
  const collectives = [...new Set([...notes.values()].flatMap((roles) => roles.collective))];

  const measures = clauses
    .filter((clause) => notes.has(clause.id))
    .map((clause) => {
      const roles = notes.get(clause.id) as { lead: string[]; responsible: string[]; collective: string[] };
      const ids = (names: string[]) => [...new Set(names.map(idOfName).filter((id): id is string => id !== undefined))];
      const lead = ids(roles.lead);
      // 各乡镇（街道）: every town, street and zone of the district.
      const placeIds = roles.collective.some((name) => /乡|镇|街道|园区|开发区/.test(name))
        ? places.map((unit) => unit.id)
        : [];
      const responsible = [...new Set([...ids(roles.responsible), ...placeIds])].filter((id) => !lead.includes(id));
      return {
        id: clause.id,
        clause: clause.id,
        kind: kindOfClause.get(clause.id) ?? "measure",
        group: groupOfClause.get(clause.id) ?? "",
        title: clause.title,
        titleEn: REVIEW_MARK,
        lead,
        responsible,
      };
    });
  const usedGroups = new Set(measures.map((measure) => measure.group));
  const planGroups = groups
    .filter((group) => usedGroups.has(group.id))
    .map((group) => ({ id: group.id, title: group.title, titleEn: REVIEW_MARK }));

  // The period, from the title (（2021－2023年）) or the plan in force.
  const span = /(\d{4})\s*[－—–~～-]\s*(\d{4})/.exec(read.header.title ?? "");
  const startYear = span ? Number(span[1]) : base?.period.startYear;
  const endYear = span ? Number(span[2]) : base?.period.endYear;

  // Targets and money sentences, sentence by sentence.
  const targets: DraftTarget[] = [];
  const money: DraftMoneySentence[] = [];
  for (const clause of clauses) {
    let targetCount = 0;
    let ruleCount = 0;
    for (const sentence of sentencesOf(clause.text)) {
      if (promisesMoney(sentence)) {
        ruleCount += 1;
        money.push({ ...readMoneySentence(sentence), ruleId: `R-${clause.id}-${ruleCount}`, clause: clause.id });
        continue;
      }
      for (const statement of targetsIn(sentence)) {
        targetCount += 1;
        targets.push({ ...statement, id: `T-${clause.id}-${targetCount}`, clause: clause.id });
      }
    }
  }

  const header = read.header;
  const document: Record<string, unknown> = { issuers: header.issuers };
  if (header.number) document.number = header.number;
  if (header.signed) document.signed = header.signed;
  if (header.issued && (!header.signed || header.issued >= header.signed)) document.issued = header.issued;

  const plan: Record<string, unknown> = {
    id: base?.id ?? REVIEW_MARK,
    version: base ? base.version + 1 : 1,
    title: header.title ?? REVIEW_MARK,
    titleEn: REVIEW_MARK,
    document,
    district: base?.district ?? {
      code: REVIEW_MARK,
      name: districtName ?? REVIEW_MARK,
      city: REVIEW_MARK,
      province: REVIEW_MARK,
    },
    period: {
      baselineYear: startYear !== undefined ? startYear - 1 : REVIEW_MARK,
      startYear: startYear ?? REVIEW_MARK,
      endYear: endYear ?? REVIEW_MARK,
    },
    // 规模以上: the national threshold of annual main-business revenue (2000万元), unless the district has its own.
    aboveScaleThreshold: base?.aboveScaleThreshold ?? "20000000",
    clauses: clauses.map((clause) => ({
      id: clause.id,
      section: clause.section,
      title: clause.title,
      text: clause.text,
    })),
    units,
    chains: base?.chains ?? [{ id: "other", name: "其他", nameEn: "Other", role: "other", industryCodes: [] }],
    groups: planGroups,
    targets: targets.map((target) => ({
      id: target.id,
      clause: target.clause,
      quote: target.quote,
      name: target.quote.replace(/^(到|至)\s*\d{4}\s*年[，,]/, "").replace(/\s+/g, ""),
      nameEn: REVIEW_MARK,
      metric: target.metric ?? REVIEW_MARK,
      unit: target.unit,
      comparison: target.comparison,
      value: target.value,
      baselineYear: startYear !== undefined ? startYear - 1 : REVIEW_MARK,
      deadline: target.year ? `${target.year}-12-31` : endYear !== undefined ? `${endYear}-12-31` : REVIEW_MARK,
      ...(target.aspiration ? { aspiration: true } : {}),
    })),
    measures,
    parameters: [],
    rewards: money.map((sentence) => draftRule(sentence, clauses)),
  };
  if (base?.requestCategories.length) plan.requestCategories = base.requestCategories;
  if (base?.awardWorkflow) plan.awardWorkflow = base.awardWorkflow;
  if (base?.assessment) plan.assessment = base.assessment;

  return {
    header,
    plan,
    yaml: draftYaml(plan, money),
    clauses,
    units: draftUnits,
    collectives,
    targets,
    money,
    marks: unfilledReviewMarks(plan),
    dropped: read.dropped,
  };
}

/** The plan's units: the plan in force's, matched by name, then the document's new ones as unit-<n>. */
function planUnits(
  named: NamedUnit[],
  base: PlanFile | undefined,
  stems: readonly string[],
): { units: PlanUnit[]; draftUnits: DraftUnit[] } {
  const units: PlanUnit[] = base ? base.units.map((unit) => ({ ...unit })) : [];
  const draftUnits: DraftUnit[] = [];
  let highest = 0;
  for (const unit of units) {
    const match = /^unit-(\d+)$/.exec(unit.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  const idByName = new Map<string, string>();
  for (const unit of named) {
    const known = units.find(
      (existing) =>
        existing.name === unit.name ||
        existing.aliases.includes(unit.name) ||
        unit.aliases.some((alias) => alias === existing.name || existing.aliases.includes(alias)),
    );
    if (known) {
      idByName.set(unit.name, known.id);
      draftUnits.push({
        id: known.id,
        name: unit.name,
        aliases: unit.aliases,
        kind: known.kind,
        clauses: unit.clauses,
        known: true,
      });
      continue;
    }
    highest += 1;
    const id = `unit-${highest}`;
    idByName.set(unit.name, id);
    const place = unit.kind === "town" || unit.kind === "street" || unit.kind === "zone";
    units.push({
      id,
      name: unit.name,
      nameEn: REVIEW_MARK,
      kind: unit.kind,
      duties: [],
      editable: place,
      aliases: unit.aliases,
    });
    draftUnits.push({
      id,
      name: unit.name,
      aliases: unit.aliases,
      kind: unit.kind,
      clauses: unit.clauses,
      known: false,
    });
  }
  // A plan has at least one unit: a document that names none leaves its office to be named.
  if (units.length === 0) {
    units.push({
      id: "unit-1",
      name: REVIEW_MARK,
      nameEn: REVIEW_MARK,
      kind: "office",
      duties: [],
      editable: false,
      aliases: [],
    });
  }
  // The unit an office sits in (领导小组下设办公室，设在区工信局).
  for (const unit of named) {
    if (!unit.hostName) continue;
    const own = units.find((entry) => entry.id === idByName.get(unit.name));
    const host = unitNamed(named, unit.hostName, stems);
    const hostId = host ? idByName.get(host.name) : undefined;
    if (own && hostId && hostId !== own.id && own.hostUnit === undefined) own.hostUnit = hostId;
  }
  return { units, draftUnits };
}

/**
 * A money sentence as a rule in the rule language: its amounts, tiers and rates filled in as the sentence writes
 * them; what it is paid for (per), its event or the figure its tiers read, and its one-time key left to a person.
 */
function draftRule(sentence: DraftMoneySentence, clauses: readonly DraftClause[]): Record<string, unknown> {
  const clause = clauses.find((entry) => entry.id === sentence.clause);
  const title = clause?.title.replace(/…$/, "") ?? sentence.clause;
  const count = Number(sentence.ruleId.split("-").at(-1));
  const rule: Record<string, unknown> = {
    id: sentence.ruleId,
    clause: sentence.clause,
    kind: "formula",
    quote: sentence.quote,
    name: count > 1 ? `${title}（${count}）` : title,
    nameEn: REVIEW_MARK,
    per: REVIEW_MARK,
  };
  const event = { test: REVIEW_MARK, zh: sentence.condition, en: REVIEW_MARK };
  const shape = sentence.shape;
  switch (shape.kind) {
    case "amount":
      rule.event = event;
      rule.amount = shape.amount;
      break;
    case "tiers":
      rule.tiers = {
        of: REVIEW_MARK,
        compare: shape.compare,
        ...(sentence.firstTime ? { firstTime: true } : {}),
        steps: shape.steps.map((step) => ({
          from: step.from,
          ...(step.amount ? { amount: step.amount } : { rate: step.rate }),
        })),
      };
      if (shape.steps.some((step) => step.rate !== undefined)) rule.percentOf = REVIEW_MARK;
      break;
    case "growth":
      rule.tiers = {
        growthOf: shape.growthOf ?? REVIEW_MARK,
        compare: shape.compare,
        steps: shape.steps.map((step) => ({ from: step.from, amount: step.amount })),
      };
      break;
    case "categories":
      rule.byCategory = {
        of: REVIEW_MARK,
        ...(sentence.firstTime ? { firstTime: true } : {}),
        values: shape.amounts.map((amount) => ({ is: REVIEW_MARK, amount })),
      };
      break;
    case "percent":
      if (shape.rates.length === 1) {
        rule.event = event;
        rule.rate = shape.rates[0];
      } else {
        rule.byCategory = {
          of: REVIEW_MARK,
          tier: "rate",
          values: shape.rates.map((rate) => ({ is: REVIEW_MARK, rate })),
        };
      }
      rule.percentOf = REVIEW_MARK;
      break;
    case "caseByCase":
      rule.event = event;
      rule.caseByCase = sentence.cap ? { upTo: sentence.cap } : {};
      break;
  }
  if (sentence.cap && shape.kind !== "caseByCase") rule.cap = sentence.cap;
  rule.once = REVIEW_MARK;
  return rule;
}

/** The draft as YAML: a note on top, each rule preceded by its quote, each mark followed by what to write. */
function draftYaml(plan: Record<string, unknown>, money: readonly DraftMoneySentence[]): string {
  const doc = new Document(plan);
  doc.commentBefore = [
    " 由发文原文起草的计划文件草稿（docs/plan-drafting.md）。",
    ` 标有 ${REVIEW_MARK} 的字段须由人填写；未填写完之前，载入时会逐项列出并拒绝。`,
    " 条款原文逐字照录；单位类型、目标指标和奖励规则为推测，请逐条核对。",
  ].join("\n");
  money.forEach((sentence, index) => {
    const node = doc.getIn(["rewards", index], true);
    if (isNode(node)) node.commentBefore = ` 待核定：${shapeWords(sentence)}`;
  });
  for (const mark of unfilledReviewMarks(plan)) {
    const node = doc.getIn(mark.path, true);
    if (isNode(node)) node.comment = ` ${mark.hint}`;
  }
  return doc.toString({ lineWidth: 0 });
}

function shapeWords(sentence: MoneySentence): string {
  switch (sentence.shape.kind) {
    case "amount":
      return "固定金额；请写明奖励对象（per）、事件条件（event.test）和一次性口径（once）";
    case "tiers":
      return "分档；请写明比较的金额（tiers.of）、奖励对象和一次性口径";
    case "growth":
      return "按增幅分档；请核对增幅指标并写明奖励对象和一次性口径";
    case "categories":
      return "按类别给予不同金额；请写明类别依据（byCategory.of）和各类别取值";
    case "percent":
      return "按比例计算；请写明计算基数（percentOf）、奖励对象和一次性口径";
    case "caseByCase":
      return "未能自动读出计算方法，暂按一事一议（caseByCase）起草；请核对或改写";
  }
}
