// The provider as it is stored in state. Pulumi serializes this object into every resource's
// `__provider` input and the dynamic-provider host loads it back. Installed from npm, this module is
// the object itself, so Pulumi stores just `require("pulumi-cognito-user-pool/provider/shim")`;
// loaded from anywhere else it is stored by value, and then it is these few functions. Either way
// it holds nothing but the way to load the real provider (runtime.ts) by package name: no path,
// credential or environment value, and the same text in every version, so an upgrade shows no diff.
// The host resolves the name from the program's directory, where the package is installed.
import type * as pulumi from "@pulumi/pulumi";

const p = (): pulumi.dynamic.ResourceProvider => require("pulumi-cognito-user-pool/provider/runtime").provider;

const userPoolProvider: pulumi.dynamic.ResourceProvider = {
    configure: (r) => p().configure!(r),
    check: (o, n) => p().check!(o, n),
    diff: (i, o, n) => p().diff!(i, o, n),
    create: (n) => p().create(n),
    read: (i, o) => p().read!(i, o),
    update: (i, o, n) => p().update!(i, o, n),
    delete: (i, o) => p().delete!(i, o),
};

export = userPoolProvider;
