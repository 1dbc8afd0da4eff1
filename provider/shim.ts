// The provider as it is stored in state. Pulumi serializes this object into every resource's
// `__provider` input and the dynamic-provider host loads it back. Installed from npm, this module is
// the object itself, so Pulumi stores just `require("pulumi-cognito-user-pool/provider")`;
// loaded from anywhere else it is stored by value, and then it is these few functions. Either way
// it holds nothing but the way to load the real provider (runtime.ts) by package name: no path,
// credential or environment value, and the same text in every version, so an upgrade shows no diff.
// The host resolves the name from the program's directory, where the package is installed.
import type * as pulumi from "@pulumi/pulumi";

// Rest parameters keep each serialized function a few bytes shorter; the whole text is stored per resource.
const p = (): pulumi.dynamic.ResourceProvider => require("pulumi-cognito-user-pool/runtime");

const userPoolProvider: pulumi.dynamic.ResourceProvider = {
    configure: (...a) => p().configure!(...a),
    check: (...a) => p().check!(...a),
    diff: (...a) => p().diff!(...a),
    create: (...a) => p().create(...a),
    read: (...a) => p().read!(...a),
    update: (...a) => p().update!(...a),
    delete: (...a) => p().delete!(...a),
};

export = userPoolProvider;
