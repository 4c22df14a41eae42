import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fitContent, judgeRobotAnswer, robotBody, robotRequest } from "./robot-requests";

const messages = [
  { title: "报送提醒", body: "请按期报送" },
  { title: "红色预警", body: "已逾期 3 天" },
];

describe("group robot requests", () => {
  it("writes each platform's body in its own shape", () => {
    expect(robotBody("wecom", "text", messages.slice(0, 1))).toEqual({
      msgtype: "text",
      text: { content: "【报送提醒】请按期报送" },
    });
    expect(robotBody("wecom", "markdown", messages.slice(0, 1))).toEqual({
      msgtype: "markdown",
      markdown: { content: "### 报送提醒\n请按期报送" },
    });
    // DingTalk's markdown needs a title, which names the batch.
    expect(robotBody("dingtalk", "markdown", messages)).toEqual({
      msgtype: "markdown",
      markdown: { title: "报送提醒 等 2 条", text: "### 报送提醒\n请按期报送\n\n### 红色预警\n已逾期 3 天" },
    });
    expect(robotBody("feishu", "text", messages.slice(0, 1))).toEqual({
      msg_type: "text",
      content: { text: "【报送提醒】请按期报送" },
    });
    const post = robotBody("feishu", "markdown", messages) as {
      msg_type: string;
      content: { post: { zh_cn: { title: string; content: { tag: string; text: string }[][] } } };
    };
    expect(post.msg_type).toBe("post");
    expect(post.content.post.zh_cn.title).toBe("报送提醒 等 2 条");
    expect(post.content.post.zh_cn.content).toHaveLength(2);
    expect(post.content.post.zh_cn.content[1]?.map((part) => part.text).join("")).toBe("红色预警：已逾期 3 天");
  });

  it("signs DingTalk in the address and Feishu in the body, each as its platform checks it", () => {
    const now = 1_733_400_000_123;
    const ding = robotRequest(
      {
        platform: "dingtalk",
        url: "https://oapi.dingtalk.com/robot/send?access_token=abc",
        format: "text",
        secret: "SECxyz",
      },
      messages,
      now,
    );
    const address = new URL(ding.url);
    expect(address.searchParams.get("access_token")).toBe("abc");
    expect(address.searchParams.get("timestamp")).toBe(String(now));
    const expected = createHmac("sha256", "SECxyz").update(`${now}\nSECxyz`).digest("base64");
    expect(address.searchParams.get("sign")).toBe(expected);

    const feishu = robotRequest(
      { platform: "feishu", url: "https://open.feishu.cn/open-apis/bot/v2/hook/t", format: "text", secret: "s3cret" },
      messages,
      now,
    );
    expect(feishu.url).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/t");
    expect(feishu.body.timestamp).toBe("1733400000");
    expect(feishu.body.sign).toBe(createHmac("sha256", "1733400000\ns3cret").update("").digest("base64"));
    expect(feishu.body.msg_type).toBe("text");

    // Without a secret nothing is added.
    const plain = robotRequest(
      { platform: "dingtalk", url: "https://x.test/r", format: "text", secret: null },
      messages,
    );
    expect(plain.url).toBe("https://x.test/r");
  });

  it("keeps a long message within the platform's limit, cut on a character and saying so", () => {
    const long = [{ title: "通报", body: "企".repeat(5000) }];
    const body = robotBody("wecom", "markdown", long) as { markdown: { content: string } };
    expect(Buffer.byteLength(body.markdown.content, "utf8")).toBeLessThanOrEqual(4000);
    expect(body.markdown.content).toMatch(/内容过长，其余请登录系统查看）$/);
    expect(fitContent("短", 100)).toBe("短");
  });

  it("reads the robot's answer: taken, refused for good, or worth another try", () => {
    expect(judgeRobotAnswer(200, { errcode: 0, errmsg: "ok" })).toEqual({ outcome: "delivered" });
    expect(judgeRobotAnswer(200, { code: 0, msg: "success" })).toEqual({ outcome: "delivered" });
    expect(judgeRobotAnswer(200, { errcode: 310000, errmsg: "sign not match" })).toEqual({
      outcome: "refused",
      reason: "机器人返回错误 310000：sign not match",
    });
    expect(
      judgeRobotAnswer(200, { code: 19021, msg: "sign match fail or timestamp is not within one hour" }).outcome,
    ).toBe("refused");
    expect(judgeRobotAnswer(200, { errcode: 45009, errmsg: "api freq out of limit" }).outcome).toBe("retry");
    expect(judgeRobotAnswer(502, undefined).outcome).toBe("retry");
    expect(judgeRobotAnswer(404, undefined)).toEqual({ outcome: "refused", reason: "机器人拒收（HTTP 404）" });
  });
});
