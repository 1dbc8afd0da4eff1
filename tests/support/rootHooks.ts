// Mocha root hooks (loaded by .mocharc.json): one local Cognito (moto_server + fidelity layer) for the
// whole run. The AWS SDK, in this process and in any child process started after beforeAll, talks to it
// through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER with fake credentials.
// Tests reach it with `localCognito()` from ./localCognito.

import type { Context } from "mocha";
import { LocalCognito, localCognito, setLocalCognito, startLocalCognito } from "./localCognito";

export { localCognito };

let started: LocalCognito | undefined;

export const mochaHooks = {
    async beforeAll(this: Context): Promise<void> {
        this.timeout(30_000);
        started = await startLocalCognito();
        setLocalCognito(started);
        process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = started.endpoint;
        process.env.AWS_REGION = "us-east-1";
        // Fake credentials: moto accepts anything, and real ones must never reach the tests.
        process.env.AWS_ACCESS_KEY_ID = "testing";
        process.env.AWS_SECRET_ACCESS_KEY = "testing";
        delete process.env.AWS_SESSION_TOKEN;
        delete process.env.AWS_PROFILE;
    },
    async afterAll(this: Context): Promise<void> {
        this.timeout(30_000);
        setLocalCognito(undefined);
        await started?.stop();
        started = undefined;
    },
};
