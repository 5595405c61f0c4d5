export * from "./auth";
export * from "./agencies";
export * from "./organizations";
export * from "./events";
export * from "./mail";
export * from "./jobs";
export * from "./calendar";
export * from "./settings";
