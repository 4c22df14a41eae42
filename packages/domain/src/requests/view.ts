/**
 * An enterprise request (企业诉求直通车) as the API gives it and the web reads it, and the vocabularies of its
 * status, channel and rating: declared once, for the server that writes it and the web that shows it.
 */
import type { RequestLight } from "./categories";

export const REQUEST_STATUSES = ["submitted", "assigned", "accepted", "answered", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** How a request came in: filed by the enterprise, registered by the office or its leader, or at a service day. */
export const REQUEST_CHANNELS = ["enterprise", "office", "leader", "service_day"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_RATINGS = ["satisfied", "basically", "unsatisfied"] as const;
export type RequestRating = (typeof REQUEST_RATINGS)[number];

export interface RequestView {
  id: number;
  enterprise: { id: number; name: string; creditCode: string };
  category: string;
  title: string;
  content: string;
  contactName: string;
  contactPhone: string;
  channel: RequestChannel;
  serviceDay: { id: number; theme: string } | null;
  status: RequestStatus;
  unit: { id: number; name: string } | null;
  coUnits: { id: number; name: string }[];
  deadline: string | null;
  /** green / yellow / red while the unit has not answered; null before assignment and after the answer. */
  light: RequestLight | null;
  overdueDays: number;
  overdue: boolean;
  /** The answer came after the deadline. */
  answeredLate: boolean;
  assignedAt: string | null;
  acceptedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  rating: RequestRating | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reopenCount: number;
  closedAt: string | null;
  createdAt: string;
  /** The leader assigned to the enterprise (挂点领导) is the caller. */
  mineAsLeader: boolean;
}
