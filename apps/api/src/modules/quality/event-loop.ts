/** Lets the event loop answer what is waiting (a timer, a request) before going on. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How long one slice of main-thread work runs before it lets the event loop answer what waits (well under the 50 ms a request may hold it). */
export const SLICE_MS = 10;
