/** What the app, the to-do list and the demo use of the entrepreneurs' trainings and salons (M12). */
// Registers the M12 tasks' quantity sources with supervision when the capability is loaded.
import "./events-quantities";

export { insertDemoEventHistory, markEventsAsDemo } from "./events.repository";
export { eventsRoutes } from "./events.routes";
export {
  createEvent,
  type EventsWaiting,
  eventsWaitingFor,
  giveFeedback,
  inviteEnterprises,
  markAttendance,
  registerPersons,
} from "./events.service";
