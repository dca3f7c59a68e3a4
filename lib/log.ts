import pino, { type DestinationStream } from "pino";
import { maskDeep, maskSensitiveText } from "./privacy";

/** Structured JSON logs; phone and ID numbers are masked and secrets redacted before anything is written. */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "motcua-zalo" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors reach maskDeep as they are (pino's own serializer would copy a driver error's parameters and detail).
      serializers: { err: (e: unknown) => e },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskSensitiveText(a) : a)) as Parameters<
            typeof method
          >;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}

export const log = createLogger();
