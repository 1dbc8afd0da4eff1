export { UserPool } from "./userPool";
export * from "./types.generated";
