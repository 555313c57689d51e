/** The server's one source of "now", passed to services so tests can set the time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
