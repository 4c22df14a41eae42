/** The official calendar (节假日与调休安排): its page, which the router loads lazily from its own module. */
export { CalendarPage } from "./components/calendar-page";
