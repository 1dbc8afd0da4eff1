import userPoolProvider = require("./shim");

/** The UserPool dynamic provider, in the form Pulumi serializes into state (see shim.ts). */
export { userPoolProvider };
