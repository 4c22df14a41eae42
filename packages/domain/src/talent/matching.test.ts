import { describe, expect, it } from "vitest";
import {
  type MatchPerson,
  type MatchPost,
  matchPersonToPost,
  rankPeopleForPost,
  rankPostsForPerson,
  splitWords,
} from "./matching";

const post: MatchPost = {
  id: 1,
  title: "数控车床操作工",
  skills: ["数控车床", "机械制图", "质量检验"],
  place: "town-a",
  payMin: 4500,
  payMax: 6500,
};

function person(overrides: Partial<MatchPerson> & { id: number }): MatchPerson {
  return { originTown: "town-b", skills: [], wishedWork: "", wishedPlace: null, wishedPay: null, ...overrides };
}

describe("matching a person to a post", () => {
  it("gives every point its reason: two of three skills, same town, wished work, pay", () => {
    const match = matchPersonToPost(
      person({
        id: 7,
        originTown: "town-a",
        skills: ["数控", "机械制图", "驾驶"],
        wishedWork: "车床操作工、仓管",
        wishedPay: 6000,
      }),
      post,
    );
    expect(match).toEqual({
      score: 40 + 20 + 10 + 10,
      payBelowWish: false,
      reasons: [
        { kind: "skills", matched: ["数控车床", "机械制图"], asked: 3, points: 40 },
        { kind: "sameTown", points: 20 },
        { kind: "wishedWork", word: "车床操作工", points: 10 },
        { kind: "pay", wished: 6000, payMax: 6500, points: 10 },
      ],
    });
  });

  it("counts the wished place when the post is not in the person's town, and no pay points below the wish", () => {
    const match = matchPersonToPost(person({ id: 2, wishedPlace: "town-a", wishedPay: 8000 }), post);
    expect(match).toEqual({ score: 20, payBelowWish: true, reasons: [{ kind: "wishedPlace", points: 20 }] });
  });

  it("proposes nobody on pay alone, nor on a one-character overlap", () => {
    expect(matchPersonToPost(person({ id: 3, skills: ["车"], wishedPay: 3000 }), post)).toBeNull();
  });

  it("compares skills without case, spaces or full-width forms", () => {
    const cad: MatchPost = { ...post, skills: ["AutoCAD"] };
    expect(matchPersonToPost(person({ id: 4, skills: ["ａｕｔｏ cad"] }), cad)?.score).toBe(60 + 10);
  });
});

describe("ranking", () => {
  const people = [
    person({ id: 1, skills: ["机械制图"] }),
    person({ id: 2, originTown: "town-a", skills: ["机械制图"] }),
    person({ id: 3, skills: ["烹饪"] }),
    person({ id: 4, originTown: "town-a", skills: ["机械制图"] }),
    person({ id: 5, skills: ["数控车床", "质量检验"] }),
  ];

  it("orders people by score, then matched skills, then id; leaves out who does not match", () => {
    const ranked = rankPeopleForPost(post, people);
    expect(ranked.map((entry) => [entry.of.id, entry.match.score])).toEqual([
      [5, 50],
      [2, 50],
      [4, 50],
      [1, 30],
    ]);
  });

  it("orders posts for a person the same way", () => {
    const posts: MatchPost[] = [
      { ...post, id: 10, skills: ["烹饪"], title: "厨师" },
      { ...post, id: 11 },
      { ...post, id: 12, skills: ["会计"], title: "会计" },
    ];
    const ranked = rankPostsForPerson(person({ id: 1, skills: ["烹饪", "数控车床"] }), posts);
    expect(ranked.map((entry) => [entry.of.id, entry.match.score])).toEqual([
      [10, 70],
      [11, 30],
    ]);
  });
});

describe("splitWords", () => {
  it("splits on the separators people use and keeps each word once", () => {
    expect(splitWords("电工、焊工/钳工, CAD；电工\nPLC")).toEqual(["电工", "焊工", "钳工", "CAD", "PLC"]);
  });
});
