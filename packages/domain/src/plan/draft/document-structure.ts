/**
 * An issued document's text, as extracted from PDF or Word, read into its sections and clauses by the
 * document's own numbering (一、 then （一） then 1. or 第一条). Extraction leaves lines broken inside words,
 * page numbers and repeated page headers, and sometimes a block of text out of its place (a section printed
 * inside another); the reader joins the lines, drops the page furniture and puts the block back.
 */

export interface DocumentSection {
  /** The section's number (一 → 1), 0 for text before any numbered section. */
  number: number;
  /** Its heading as written, with its number: `二、发展目标`. */
  heading: string;
  /** The heading's words: `发展目标`. */
  title: string;
  /** Text between the heading and its first item (an introduction), joined. */
  intro: string;
  groups: DocumentGroup[];
  clauses: DocumentClause[];
}

export interface DocumentGroup {
  number: number;
  /** `实施工业平台提升行动` */
  title: string;
}

export interface DocumentClause {
  /** The item's number as the document counts it (1., （一）, 第一条): 0 for a section's own text. */
  number: number;
  /** What kind of numbering the item has. */
  level: "section" | "group" | "item" | "paragraph";
  /** The group (（一） heading) the item is under, if any. */
  group?: number;
  title: string;
  /** The text, verbatim: the extraction's line breaks inside sentences joined. */
  text: string;
}

export interface DocumentHeader {
  title?: string;
  number?: string;
  issuers: string[];
  /** 成文日期 and 印发日期, YYYY-MM-DD. */
  signed?: string;
  issued?: string;
}

export interface ReadDocument {
  header: DocumentHeader;
  sections: DocumentSection[];
  /** The covering letter and preamble before the first numbered section (not a clause). */
  preamble: string;
  /** Lines dropped as page furniture (page numbers, running headers, notes about the copy). */
  dropped: string[];
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105 (the numbers documents count their sections and articles in). */
export function chineseNumber(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in CHINESE_DIGITS) digit = CHINESE_DIGITS[char] as number;
    else if (char === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (char === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else return null;
  }
  return total + digit;
}

const SECTION_HEADING = /^([一二三四五六七八九十]+)、\s*(.*)$/;
const GROUP_HEADING = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/;
const ITEM_HEADING = /^(\d{1,3})[.．、](?!\d)\s*(.*)$/;
const ARTICLE_HEADING = /^第([一二三四五六七八九十百零]+)条[\s　]*(.*)$/;

/** Closing punctuation a sentence ends with; a line ending otherwise was broken by the layout. */
const SENTENCE_END = /[。！？；;:：”」』）)〕\]]$/;
const ONLY_PUNCTUATION = /^[。，、；：！？”’」』）)〕.,;:!?]+$/;

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function isoDate(match: RegExpExecArray): string {
  const [, year, month, day] = match;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const APPENDIX_DIVIDER = /^[-—=]{2,}\s*附.*[-—=]{2,}$/;

/** A line that belongs to the page or to the copy, not to the document's text. */
function isFurniture(line: string): boolean {
  return (
    /^https?:\/\//.test(line) ||
    /^\[.*\]$/.test(line) ||
    /^\[(注|存储副本)/.test(line) ||
    /^[-—–\s]*\d{1,4}[-—–\s]*$/.test(line) ||
    /^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$/.test(line) ||
    /^\d+\s*\/\s*\d+$/.test(line) ||
    /^-{2,}.*-{2,}$/.test(line) ||
    /^[…．.]+$/.test(line) ||
    /^[(（]此件.*[)）]$/.test(line)
  );
}

/** The title of the document, as it names itself: 《…》 in the covering letter, or a line of its own. */
const TITLE_WORDS = /(计划|方案|措施|办法|政策|意见|规定|细则|通知)(（[^）]*）|\([^)]*\))?$/;

/**
 * Reads the document: header (number, issuers, dates, title), then sections and their clauses. Pure: the text
 * in, the structure out.
 */
export function readDocument(text: string): ReadDocument {
  const rawLines = text.replace(/\r\n?/g, "\n").split("\n");
  const dropped: string[] = [];
  const trimmed = rawLines.map((line) => line.replace(/[\s\u3000]+$/u, "").replace(/^[\s\u3000]+/u, ""));
  // Running headers repeat on every page: a short, unnumbered line seen three times or more.
  const counts = new Map<string, number>();
  for (const line of trimmed) if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  const lines: string[] = [];
  for (const [index, line] of trimmed.entries()) {
    if (!line) continue;
    if (APPENDIX_DIVIDER.test(line)) {
      // What follows a divider is an appendix (an earlier version, fragments), not the document's text.
      dropped.push(...trimmed.slice(index).filter((rest) => rest !== ""));
      break;
    }
    // …but not a word broken off at the same place of several notes (道）〕).
    const repeated =
      (counts.get(line) ?? 0) >= 3 &&
      line.length >= 4 &&
      line.length <= 30 &&
      !startsNumbered(line) &&
      !SENTENCE_END.test(line) &&
      !ONLY_PUNCTUATION.test(line.charAt(0));
    if (isFurniture(line) || repeated) {
      dropped.push(line);
      continue;
    }
    lines.push(line);
  }

  // A text whose lines mostly end a sentence has one paragraph a line (Word, or a cleaned copy): its lines are
  // kept apart by a line break. Otherwise the lines were broken by the page width (PDF) and are joined.
  const ends = lines.filter((line) => SENTENCE_END.test(line)).length;
  const meanLength = lines.reduce((sum, line) => sum + line.length, 0) / Math.max(1, lines.length);
  const paragraphPerLine = lines.length > 0 && (ends / lines.length > 0.6 || meanLength > 45);

  const header: DocumentHeader = { issuers: [] };
  const sections: DocumentSection[] = [];
  const preamble: DocumentSection = { number: 0, heading: "", title: "", intro: "", groups: [], clauses: [] };
  let section = preamble;
  let clause: DocumentClause | null = null;
  let lastItem = 0;
  let lastGroup = 0;
  // A section printed inside another: the one it interrupted, resumed when the numbering continues.
  let interrupted: { section: DocumentSection; clause: DocumentClause | null; lastItem: number } | null = null;
  const seenSections = new Set<number>();
  let bodyStarted = false;

  const append = (target: { text: string } | DocumentSection, line: string) => {
    if ("text" in target) target.text = joinLine(target.text, line, paragraphPerLine);
    else target.intro = joinLine(target.intro, line, paragraphPerLine);
  };

  for (const line of lines) {
    const issuedLine = /印发$/.test(line) ? DATE.exec(line) : null;
    if (issuedLine) {
      header.issued = isoDate(issuedLine);
      continue;
    }
    const sectionMatch = SECTION_HEADING.exec(line);
    const sectionNumber = sectionMatch ? chineseNumber(sectionMatch[1] as string) : null;
    if (sectionMatch && sectionNumber !== null && !seenSections.has(sectionNumber) && line.length <= 40) {
      const previous = sections.at(-1);
      if (previous && sectionNumber < previous.number && interrupted === null) {
        interrupted = { section, clause, lastItem };
      } else if (interrupted && sectionNumber > interrupted.section.number) {
        interrupted = null;
      }
      seenSections.add(sectionNumber);
      bodyStarted = true;
      const title = (sectionMatch[2] as string).trim();
      section = { number: sectionNumber, heading: line, title, intro: "", groups: [], clauses: [] };
      sections.push(section);
      clause = null;
      lastGroup = 0;
      continue;
    }
    if (ONLY_PUNCTUATION.test(line)) {
      // A stray mark left below an inserted block belongs to the sentence the block cut off.
      const cut = interrupted?.clause;
      if (cut && !SENTENCE_END.test(cut.text)) cut.text += line;
      else if (clause) clause.text += line;
      else section.intro += line;
      continue;
    }
    const groupMatch = GROUP_HEADING.exec(line);
    const groupNumber = groupMatch ? chineseNumber(groupMatch[1] as string) : null;
    if (groupMatch && groupNumber !== null && (groupNumber === 1 || groupNumber === lastGroup + 1)) {
      lastGroup = groupNumber;
      bodyStarted = true;
      clause = {
        number: groupNumber,
        level: "group",
        title: clauseTitle(groupMatch[2] as string),
        text: line,
      };
      section.clauses.push(clause);
      continue;
    }
    const itemMatch = ITEM_HEADING.exec(line) ?? ARTICLE_HEADING.exec(line);
    const itemNumber = itemMatch
      ? /^\d/.test(itemMatch[1] as string)
        ? Number(itemMatch[1])
        : chineseNumber(itemMatch[1] as string)
      : null;
    if (itemMatch && itemNumber !== null) {
      const resumes = interrupted !== null && itemNumber === interrupted.lastItem + 1;
      if (resumes && interrupted) {
        section = interrupted.section;
        lastItem = interrupted.lastItem;
        interrupted = null;
      }
      if (itemNumber === 1 || itemNumber === lastItem + 1) {
        lastItem = itemNumber;
        bodyStarted = true;
        const group = [...section.clauses].reverse().find((entry) => entry.level === "group");
        clause = { number: itemNumber, level: "item", title: clauseTitle(itemMatch[2] as string), text: line };
        if (group && lastGroup > 0) clause.group = group.number;
        section.clauses.push(clause);
        continue;
      }
    }
    if (!bodyStarted && readHeaderLine(line, header)) continue;
    if (clause) append(clause, line);
    else append(section, line);
  }

  // Text before the first numbered section is a covering letter and preamble, unless the document numbers
  // nothing but its items (（一）…) or nothing at all: then it is the body.
  const preambleText = preamble.intro;
  if (sections.length === 0 || preamble.clauses.length > 0) sections.unshift(preamble);
  return {
    header: finishHeader(header, preambleText),
    preamble: sections[0] === preamble ? "" : preambleText,
    sections: settle(sections, paragraphPerLine),
    dropped,
  };
}

function startsNumbered(line: string): boolean {
  return SECTION_HEADING.test(line) || GROUP_HEADING.test(line) || ITEM_HEADING.test(line);
}

function joinLine(text: string, line: string, paragraphPerLine: boolean): string {
  if (!text) return line;
  return paragraphPerLine ? `${text}\n${line}` : `${text}${line}`;
}

/** An item's heading: its words up to the first full stop or colon, when that is short enough to be one. */
function clauseTitle(rest: string): string {
  const match = /^([^。：:；;，,]{2,30})[。：:]/.exec(rest);
  if (match) return (match[1] as string).trim();
  if (rest.length <= 30 && !/[。，]/.test(rest)) return rest.trim();
  return `${rest.slice(0, 20).trim()}…`;
}

/**
 * Groups become headings when items sit under them; a group without items is itself a clause (the document
 * numbers its clauses （一）（二）…). Sections are put in their numbered order.
 */
function settle(sections: DocumentSection[], paragraphPerLine: boolean): DocumentSection[] {
  for (const section of sections) {
    const hasItems = section.clauses.some((clause) => clause.level === "item");
    if (hasItems) {
      section.groups = section.clauses
        .filter((clause) => clause.level === "group")
        .map((clause) => ({ number: clause.number, title: clause.title }));
      section.clauses = section.clauses.filter((clause) => clause.level === "item");
    }
    if (section.clauses.length === 0 && section.intro) {
      // A section without numbered items is one clause (总体思路) — or, in a text of one paragraph a line with no
      // numbering at all, one clause a paragraph.
      const paragraphs = section.number === 0 && paragraphPerLine ? section.intro.split("\n") : [section.intro];
      section.clauses = paragraphs.map((text, index) => ({
        number: paragraphs.length > 1 ? index + 1 : 0,
        level: paragraphs.length > 1 ? ("paragraph" as const) : ("section" as const),
        title: paragraphs.length > 1 ? clauseTitle(text) : section.title || clauseTitle(text),
        text,
      }));
      section.intro = "";
    }
  }
  return [...sections].sort((a, b) => a.number - b.number);
}

/** Reads a line before the body into the header; true when the line is the header's only (not body text). */
function readHeaderLine(line: string, header: DocumentHeader): boolean {
  const number = /^\S*〔\d{4}〕\d+号$/.exec(line.replace(/\s/g, ""));
  if (number) {
    header.number ??= number[0];
    return true;
  }
  const date = DATE.exec(line);
  if (date && line.replace(DATE, "").trim() === "") {
    header.signed ??= isoDate(date);
    return true;
  }
  if (/(办公室|人民政府|委员会|办公厅|局)$/.test(line) && line.length <= 20 && !/[，。：,]/.test(line)) {
    header.issuers.push(line);
    return true;
  }
  // A copy's caption: the title, then in brackets where it was published, then the place.
  const caption = /^([^（(]+)[（(].*[）)]\s*[—–-]+\s*\S+$/.exec(line);
  if (caption) {
    if (header.title === undefined && TITLE_WORDS.test((caption[1] as string).trim()))
      header.title = (caption[1] as string).trim().replace(/^《|》.*$/g, "");
    return true;
  }
  const quoted = /《([^《》]+)》/.exec(line);
  if (quoted && header.title === undefined && TITLE_WORDS.test(quoted[1] as string)) {
    header.title = quoted[1] as string;
    return false;
  }
  if (line.length <= 40 && !/[，。：:；,]/.test(line) && TITLE_WORDS.test(line)) {
    header.title ??= line.replace(/^.*关于印发/, "").replace(/的通知$/, "");
    return true;
  }
  return false;
}

/**
 * A title broken across lines of a covering letter (《…行动计划（2021－2023 年）》已经区…) is found again in
 * the preamble joined; spaces the layout put inside it are dropped.
 */
function finishHeader(header: DocumentHeader, preamble: string): DocumentHeader {
  const quoted = /《([^《》]+)》/.exec(preamble);
  if (quoted && TITLE_WORDS.test(quoted[1] as string) && (!header.title || quoted[1]!.length > header.title.length))
    header.title = quoted[1] as string;
  if (header.title) header.title = header.title.replace(/\s+/g, "");
  return header;
}
