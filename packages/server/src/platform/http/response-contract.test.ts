import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerResponseContractCheck } from "./response-contract";

const Answer = z.object({ amountFen: z.string().regex(/^\d+$/), names: z.array(z.string()) });

async function appAnswering(body: unknown) {
  const app = Fastify();
  registerResponseContractCheck(app);
  app.get("/api/example", { config: { response: Answer } }, async () => body);
  app.get("/api/download", { config: { response: "file" } }, async (_request, reply) =>
    reply.type("application/json").send('{"not":"checked"}'),
  );
  return app;
}

describe("the answers' contract check", () => {
  it("lets an answer that matches its schema through unchanged", async () => {
    const app = await appAnswering({ amountFen: "1200", names: ["甲"] });
    const response = await app.inject({ method: "GET", url: "/api/example" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ amountFen: "1200", names: ["甲"] });
  });

  it("turns an answer that does not match into a 500 naming the route and the path", async () => {
    const app = await appAnswering({ amountFen: 1200, names: ["甲", 2] });
    const response = await app.inject({ method: "GET", url: "/api/example" });
    expect(response.statusCode).toBe(500);
    const message = response.json().error.message as string;
    expect(response.json().error.code).toBe("response_contract");
    expect(message).toContain("GET /api/example");
    expect(message).toContain("amountFen");
    expect(message).toContain("names.1");
  });

  it("checks what is sent, after serialisation: a Date reaches the schema as the text the web receives", async () => {
    const app = await appAnswering({ amountFen: "1", names: [], extra: new Date(0) });
    const response = await app.inject({ method: "GET", url: "/api/example" });
    expect(response.statusCode).toBe(200);
    expect(response.json().extra).toBe("1970-01-01T00:00:00.000Z");
  });

  it("leaves downloads and error answers alone", async () => {
    const app = await appAnswering({ amountFen: "x", names: [] });
    expect((await app.inject({ method: "GET", url: "/api/download" })).statusCode).toBe(200);
    const missing = await app.inject({ method: "GET", url: "/api/nowhere" });
    expect(missing.statusCode).toBe(404);
  });
});
