/**
 * The vocabularies of an enterprise request (企业诉求直通车): its status, channel and rating, declared once, for
 * the server that writes it and the web that shows it.
 */
export const REQUEST_STATUSES = ["submitted", "assigned", "accepted", "answered", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** How a request came in: filed by the enterprise, registered by the office or its leader, or at a service day. */
export const REQUEST_CHANNELS = ["enterprise", "office", "leader", "service_day"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_RATINGS = ["satisfied", "basically", "unsatisfied"] as const;
export type RequestRating = (typeof REQUEST_RATINGS)[number];
