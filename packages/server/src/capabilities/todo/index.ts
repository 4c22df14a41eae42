/** What other capabilities, the app and the command line use of this capability. */
export { todoRoutes } from "./todo.routes";
export { todoOf } from "./todo.service";
