/** What the app and the other capabilities use of the official calendar: the working calendar limits count by. */
export { calendarRoutes } from "./calendar.routes";
export { loadShippedCalendar, workingCalendarOf } from "./calendar.service";
