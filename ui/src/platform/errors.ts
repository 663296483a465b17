/** Errors from the host, mirrored from the Rust `Code` enum. */
import type { ApiError, Code } from "./bindings";

const CODES: readonly Code[] = [
  "not_found",
  "invalid_input",
  "io",
  "database",
  "internal",
];

/** An error that crossed IPC as `{code, message}`. */
export class AppError extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Whether `v` has the `{code, message}` shape with a known code. */
export function isApiError(v: unknown): v is ApiError {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.message === "string" && CODES.includes(o.code as Code);
}

/** Turns anything thrown into an `AppError` (unknown shapes become `internal`). */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isApiError(e)) return new AppError(e.code, e.message);
  if (e instanceof Error) return new AppError("internal", e.message);
  return new AppError("internal", typeof e === "string" ? e : JSON.stringify(e));
}
