/**
 * Sends an answer already serialised (an answer kept as JSON text, sent to many readers): no serialising per request.
 * The response contract still reads it when responses are checked.
 */
import type { FastifyReply } from "fastify";

export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
