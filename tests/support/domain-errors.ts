// How a test reads a domain function's refusal: the error itself, or just its code.
import { expect } from "vitest";
import { DomainError, isDomainError } from "@/lib/errors";

/** The DomainError a call was refused with; fails the test if it succeeded or failed otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** "ok" when the call succeeds, else the code it was refused with; any other error fails the test. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}
