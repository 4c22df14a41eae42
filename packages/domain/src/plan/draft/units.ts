/**
 * The units a document names: in its notes (〔牵头单位：…；责任单位：…〕, （牵头考核单位：…）, (责任单位:…)), and
 * in the few sentences that set up its bodies (成立…领导小组, 领导小组下设办公室，设在…, 由…牵头). Names written two
 * ways are one unit with an alias; each unit's kind is guessed from the end of its name.
 */
import type { UnitKind } from "../vocabulary";

export interface NamedUnit {
  name: string;
  aliases: string[];
  kind: UnitKind;
  /** The unit this one sits in, by name (the leading group's office sits in a bureau). */
  hostName?: string;
  /** The clauses that name it. */
  clauses: string[];
}

/** One note of a clause: the units it makes lead and responsible, in the document's order. */
export interface UnitNote {
  clause: string;
  /** The note as written, verbatim. */
  quote: string;
  lead: string[];
  responsible: string[];
  /** Collective names (各乡镇（街道）, 各有关部门): every unit of a kind, which the document does not list. */
  collective: string[];
}

const BRACKET_NOTE = /〔([^〔〕]*单位[:：][^〔〕]*)〕/g;
const PAREN_NOTE = /[（(]([^（）()]*单位[:：][^（）()]*)[）)]/g;

/** The kind a unit's name suggests: 局/委/办 a department, 镇/乡 a town, 街道 a street, 开发区/园区 a zone. */
export function guessUnitKind(name: string): UnitKind {
  if (/(纪委|监委|纪工委)$/.test(name)) return "discipline";
  if (/(领导小组|指挥部|工作专班|委员会)$/.test(name) && !/(发改委|经信委|工信委|管委会)$/.test(name)) {
    return /领导小组|指挥部|专班/.test(name) ? "leadership" : "department";
  }
  if (/(领导小组|指挥部|专班)办公室$/.test(name)) return "office";
  if (/街道(办事处)?$/.test(name)) return "street";
  if (/(开发区|园区|高新区|产业园|工业园|集聚区)(管委会)?$/.test(name)) return "zone";
  if (/[镇乡]$/.test(name)) return "town";
  return "department";
}

/** Splits a note's list of names (、，, and 和). */
function namesIn(list: string): string[] {
  return list
    .split(/[、，,]|(?<=[局委办部心])和/)
    .map((name) => name.replace(/\s+/g, "").trim())
    .filter((name) => name.length >= 2);
}

/** The unit notes of one clause's text. */
export function unitNotesOf(clause: string, text: string): UnitNote[] {
  const notes: UnitNote[] = [];
  const seen = new Set<number>();
  for (const pattern of [BRACKET_NOTE, PAREN_NOTE]) {
    for (const match of text.matchAll(pattern)) {
      if (seen.has(match.index)) continue;
      seen.add(match.index);
      const note: UnitNote = { clause, quote: match[0], lead: [], responsible: [], collective: [] };
      for (const part of (match[1] as string).split(/[；;]/)) {
        const labelled = /^\s*([^:：]*单位)[:：](.*)$/.exec(part);
        if (!labelled) continue;
        const role = /牵头/.test(labelled[1] as string) ? "lead" : "responsible";
        for (const name of namesIn(labelled[2] as string)) {
          if (/^各/.test(name)) note.collective.push(name);
          else note[role].push(name);
        }
      }
      if (note.lead.length + note.responsible.length + note.collective.length > 0) notes.push(note);
    }
  }
  return notes;
}

/** Units a clause's sentences set up or put in charge, beside its notes. */
export function unitsInSentences(
  clause: string,
  text: string,
): { name: string; kind?: UnitKind; hostName?: string; lead?: boolean }[] {
  const found: { name: string; kind?: UnitKind; hostName?: string; lead?: boolean }[] = [];
  const group = /成立([^，。,；]{0,40}?领导小组)/.exec(text);
  if (group) found.push({ name: group[1] as string, kind: "leadership" });
  const office = /领导小组下设办公室[，,]?\s*(?:办公室)?设在([^，。,；]{2,20}?[局委办部心])/.exec(text);
  if (office) {
    found.push({ name: "领导小组办公室", kind: "office", hostName: office[1] as string });
    found.push({ name: office[1] as string });
  }
  for (const match of text.matchAll(/由([^，。,；由]{2,12}?[局委办部心])牵头/g)) {
    found.push({ name: match[1] as string, lead: true });
  }
  void clause;
  return found;
}

/** 区应急局 within 区应急管理局: the shorter name's characters appear in order in the longer, same first and last. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || short.length >= long.length) return false;
  if (short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let position = 0;
  for (const char of long) if (char === short[position]) position += 1;
  return position === short.length && short.length / long.length >= 0.6;
}

/** A district writes its own bureaus both 区… and <name>…: 区生态环境局 and 昌江生态环境局 are one unit. */
function sameUnit(a: string, b: string, districtStems: readonly string[]): boolean {
  if (a === b) return true;
  const strip = (name: string) => {
    for (const stem of districtStems)
      if (name.startsWith(stem) && name.length > stem.length + 2) return name.slice(stem.length);
    return name;
  };
  const [left, right] = [strip(a), strip(b)];
  if (left === right && left.length >= 3) return true;
  return abbreviates(a, b) || abbreviates(b, a);
}

/**
 * The names of a district as its bureaus may start (昌江区 → 区, 昌江区, 昌江): the level word alone and the
 * place's name with and without it.
 */
export function districtStems(districtName: string | undefined): string[] {
  if (!districtName) return ["区", "县", "市"];
  const level = /[区县市旗]$/.exec(districtName)?.[0];
  const place = level ? districtName.slice(0, -1) : districtName;
  return [districtName, place, ...(level ? [level] : [])].filter((stem) => stem.length > 0);
}

/** Gathers the units in the order first named, one entry per unit, other spellings as aliases. */
export function gatherUnits(
  mentions: { clause: string; name: string; kind?: UnitKind; hostName?: string }[],
  stems: readonly string[],
): NamedUnit[] {
  const units: NamedUnit[] = [];
  for (const mention of mentions) {
    const existing = units.find(
      (unit) => sameUnit(unit.name, mention.name, stems) || unit.aliases.some((alias) => alias === mention.name),
    );
    if (existing) {
      if (existing.name !== mention.name && !existing.aliases.includes(mention.name))
        existing.aliases.push(mention.name);
      if (!existing.clauses.includes(mention.clause)) existing.clauses.push(mention.clause);
      if (mention.hostName) existing.hostName ??= mention.hostName;
      continue;
    }
    const unit: NamedUnit = {
      name: mention.name,
      aliases: [],
      kind: mention.kind ?? guessUnitKind(mention.name),
      clauses: [mention.clause],
    };
    if (mention.hostName) unit.hostName = mention.hostName;
    units.push(unit);
  }
  return units;
}

/** The unit a name stands for among the gathered ones. */
export function unitNamed(units: readonly NamedUnit[], name: string, stems: readonly string[]): NamedUnit | undefined {
  return units.find((unit) => unit.name === name || unit.aliases.includes(name) || sameUnit(unit.name, name, stems));
}
