import { describe, expect, test } from "vitest";
import { JsonMemberScanner, JsonStructureError } from "./json-members";

/** Members and elements of `text`, fed in chunks of `size` bytes (so that texts straddle chunks). */
function read(text: string, size: number) {
  const members: [string, unknown][] = [];
  const elements: unknown[] = [];
  const scanner = new JsonMemberScanner(
    "enterprises",
    {
      member: (key, value) => members.push([key, JSON.parse(value)]),
      element: (value) => elements.push(JSON.parse(value)),
    },
    true,
    true,
  );
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length; offset += size) scanner.push(bytes.subarray(offset, offset + size));
  scanner.end();
  return { members, elements };
}

const DOCUMENT = JSON.stringify(
  {
    projects: [{ id: "p,1]", name: '名称 "引号" \\ 反斜杠 }', n: [1, [2, { a: "]" }]] }],
    enterprises: [{ creditCode: "x", years: [{ year: 2021, grants: [] }] }, 7, "企业", null, [1, [2]], {}],
    other: { nested: { deep: ["{", "}"] } },
    last: -1.5e3,
  },
  null,
  1,
);

describe("JsonMemberScanner", () => {
  test("hands over every member and every element of the streamed array, whatever the chunk size", () => {
    const whole = JSON.parse(DOCUMENT);
    for (const size of [1, 2, 3, 7, 64, DOCUMENT.length]) {
      const { members, elements } = read(DOCUMENT, size);
      expect(elements).toEqual(whole.enterprises);
      expect(Object.fromEntries(members)).toEqual({ projects: whole.projects, other: whole.other, last: whole.last });
    }
  });

  test("an empty array, an empty object and white space around everything", () => {
    expect(read(' \n{ "enterprises" : [ ] , "projects":[]} \n', 3)).toEqual({
      members: [["projects", []]],
      elements: [],
    });
    expect(read("{}", 1)).toEqual({ members: [], elements: [] });
  });

  test("a key written with an escape is the key it stands for", () => {
    expect(read('{"enterpr\\u0069ses": [1, 2]}', 4).elements).toEqual([1, 2]);
  });

  const malformed: [string, string][] = [
    ["not an object", "[1, 2]"],
    ["the streamed member not an array", '{"enterprises": {}}'],
    ["a repeated key", '{"projects": [], "projects": []}'],
    ["a missing comma between members", '{"enterprises": [] "projects": []}'],
    ["a trailing comma in the array", '{"enterprises": [1, ]}'],
    ["an empty element", '{"enterprises": [, 1]}'],
    ["a closing brace inside the array", '{"enterprises": [1}]}'],
    ["a closing bracket for the object", '{"projects": 1]'],
    ["text after the document", '{"enterprises": []} x'],
    ["a document cut short", '{"enterprises": [{"a": "b'],
    ["a byte-order mark", '\ufeff{"enterprises": []}'],
  ];
  test.each(malformed)("stops on %s", (_name, text) => {
    expect(() => read(text, 5)).toThrow(JsonStructureError);
  });
});
