/**
 * Matching returning talent with enterprises' job posts (M13: 向适合条件的返乡人才进行岗位推荐就业). The score is
 * out of 100 and every point has its reason, so the page can say why a candidate is proposed:
 *
 * - skills, 60: the share of the post's skills the person has (60 × matched ÷ asked, rounded down); a skill
 *   matches when one word holds the other (数控 ~ 数控车床), ignoring case and spaces;
 * - place, 20: the post is in the person's own town, or in the place the person wishes to work;
 * - wished work, 10: the person's wished work names the post (a word of one appears in the other);
 * - pay, 10: the post's highest pay reaches the monthly pay the person wishes for, or no wish is stated.
 *
 * A pair is a match only when skills, place or wished work contribute: pay alone proposes nobody. Ties are broken
 * by more matched skills, then by the lower id, so the order is the same on every run.
 */

export const MATCH_POINTS = { skills: 60, place: 20, wishedWork: 10, pay: 10 } as const;

export interface MatchPerson {
  id: number;
  /** The id of the town (unit) the person comes from. */
  originTown: string;
  skills: readonly string[];
  /** The work wished for, in the person's words (数控操作、设备维护). */
  wishedWork: string;
  /** The id of the place (unit) the person wishes to work in; null for anywhere. */
  wishedPlace: string | null;
  /** 元 a month; null when not stated. */
  wishedPay: number | null;
}

export interface MatchPost {
  id: number;
  title: string;
  skills: readonly string[];
  /** The id of the place (unit) the work is in. */
  place: string;
  /** 元 a month. */
  payMin: number;
  payMax: number;
}

export type MatchReason =
  | { kind: "skills"; matched: string[]; asked: number; points: number }
  | { kind: "sameTown"; points: number }
  | { kind: "wishedPlace"; points: number }
  | { kind: "wishedWork"; word: string; points: number }
  | { kind: "pay"; wished: number | null; payMax: number; points: number };

export interface Match {
  score: number;
  reasons: MatchReason[];
  /** The post's pay is below the person's wish (no pay points). */
  payBelowWish: boolean;
}

/** A skill or wish word as compared: lower case, without spaces and full-width forms made plain. */
export function normalizeWord(word: string): string {
  return word.normalize("NFKC").toLowerCase().replace(/\s/g, "");
}

/** Splits a list as people write it (数控、焊接, 电工/钳工, CAD; PLC) into its words, each once, in order. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const part of text.split(/[、，,；;/|\n]+/)) {
    const word = part.trim();
    if (word !== "" && !words.some((known) => normalizeWord(known) === normalizeWord(word))) words.push(word);
  }
  return words;
}

function wordsMatch(a: string, b: string): boolean {
  const x = normalizeWord(a);
  const y = normalizeWord(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return Array.from(shorter).length >= 2 && longer.includes(shorter);
}

/** How well a person fits a post, with the reason of every point; null when nothing but pay would match. */
export function matchPersonToPost(person: MatchPerson, post: MatchPost): Match | null {
  const reasons: MatchReason[] = [];
  const matched = post.skills.filter((skill) => person.skills.some((own) => wordsMatch(own, skill)));
  if (matched.length > 0) {
    const points = Math.floor((MATCH_POINTS.skills * matched.length) / post.skills.length);
    reasons.push({ kind: "skills", matched, asked: post.skills.length, points });
  }
  if (person.originTown === post.place) reasons.push({ kind: "sameTown", points: MATCH_POINTS.place });
  else if (person.wishedPlace !== null && person.wishedPlace === post.place)
    reasons.push({ kind: "wishedPlace", points: MATCH_POINTS.place });
  const wishWord = splitWords(person.wishedWork).find((word) => wordsMatch(word, post.title));
  if (wishWord !== undefined) reasons.push({ kind: "wishedWork", word: wishWord, points: MATCH_POINTS.wishedWork });
  if (reasons.length === 0) return null;
  const payBelowWish = person.wishedPay !== null && post.payMax < person.wishedPay;
  if (!payBelowWish)
    reasons.push({ kind: "pay", wished: person.wishedPay, payMax: post.payMax, points: MATCH_POINTS.pay });
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, reasons, payBelowWish };
}

function matchedSkills(match: Match): number {
  const skills = match.reasons.find((reason) => reason.kind === "skills");
  return skills?.kind === "skills" ? skills.matched.length : 0;
}

function byScore<T extends { id: number }>(a: { of: T; match: Match }, b: { of: T; match: Match }): number {
  return b.match.score - a.match.score || matchedSkills(b.match) - matchedSkills(a.match) || a.of.id - b.of.id;
}

/** The people who match a post, best first. */
export function rankPeopleForPost<P extends MatchPerson>(post: MatchPost, people: readonly P[]) {
  return people
    .map((person) => ({ of: person, match: matchPersonToPost(person, post) }))
    .filter((entry): entry is { of: P; match: Match } => entry.match !== null)
    .sort(byScore);
}

/** The posts that match a person, best first. */
export function rankPostsForPerson<J extends MatchPost>(person: MatchPerson, posts: readonly J[]) {
  return posts
    .map((post) => ({ of: post, match: matchPersonToPost(person, post) }))
    .filter((entry): entry is { of: J; match: Match } => entry.match !== null)
    .sort(byScore);
}
