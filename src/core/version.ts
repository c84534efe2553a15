// Kept in step with package.json's version by a test (test/core/version.test.ts):
// importing the manifest would bundle all of it into every command.
export const APP_NAME = "apple-id-doctor";
export const APP_VERSION = "1.0.0";
