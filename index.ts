export * from "./sdk";
export { userPoolProvider } from "./provider";
