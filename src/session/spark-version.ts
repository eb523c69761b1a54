/** The Spark version whose behaviour sparkless reproduces (its own module so functions can read it without importing the session). */
export const SPARK_VERSION = '3.5.2';

/**
 * What version() returns locally: Spark answers '<version> <git revision of its build>'; sparkless has
 * no Spark build, so the second word names the emulator instead of a revision hash.
 */
export const VERSION_STRING = `${SPARK_VERSION} sparkless`;
