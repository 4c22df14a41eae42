/** Entrepreneurs' trainings and salons (M12): the page, which the router loads lazily from its own module. */
export { EventsPage } from "./components/events-page";
