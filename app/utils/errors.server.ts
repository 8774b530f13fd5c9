/**
 * The one error path (STYLE.md "Errors"). Routes do not catch: a `DomainError` (or a body that
 * cannot be read, which is one) travels to one of two adapters —
 *
 * - `resourceRoute` for routes without a page (always JSON): the SPEC's `{error:{code,message}}`
 *   with the code's status;
 * - `pageRoute` for pages that also answer JSON (docs/decisions/002): JSON clients get the same body;
 *   a form post gets its field errors back with what was typed, with the error's status; anything
 *   else is thrown as a Response, which the route's error boundary shows as a clear page.
 *
 * An unexpected failure is ours: it is logged once, with its cause and an `errorId`, and the client
 * gets a 500 that carries that same id (`internalErrorBody`).
 */
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { DomainError } from "./errors";
import { errorBody, fieldErrors, toResponse, typedValues, wantsJson } from "./http.server";
import { log } from "./logger.server";

const ERROR_ID = Symbol.for("vitrine.errorId");
type Carrier = { [ERROR_ID]?: string };

function carried(value: unknown): string | undefined {
  return value && typeof value === "object" ? (value as Carrier)[ERROR_ID] : undefined;
}

function carry(value: unknown, errorId: string) {
  if (value && typeof value === "object" && Object.isExtensible(value)) (value as Carrier)[ERROR_ID] = errorId;
}

/**
 * Logs an unexpected error once, with its cause, under a new id; returns that id. The id is kept on
 * the error and on the request's load context, so whoever answers the client later (Remix sanitises
 * the error it hands to the document renderer in production) quotes the line that holds the cause.
 */
export function reportError(error: unknown, request: Request, context?: unknown): string {
  const known = carried(error) ?? carried(context);
  if (known) return known;
  const errorId = `ERR-${randomUUID()}`;
  carry(error, errorId);
  carry(context, errorId);
  log.error("unhandled error", {
    errorId,
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
  });
  return errorId;
}

/** The errorId already logged for this request (see `reportError`), if any. */
export function reportedErrorId(context: unknown): string | undefined {
  return carried(context);
}

export function internalErrorBody(errorId: string) {
  return { error: { code: "INTERNAL", message: "An unexpected error occurred", errorId } };
}

type Handler<Args> = (args: Args) => Promise<Response> | Response;

/** Resource routes (JSON only): see the module comment. */
export function resourceRoute<Args extends LoaderFunctionArgs | ActionFunctionArgs>(handler: Handler<Args>) {
  return async (args: Args): Promise<Response> => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response) return error;
      if (error instanceof DomainError) return toResponse(error);
      return json(internalErrorBody(reportError(error, args.request, args.context)), { status: 500 });
    }
  };
}

/** Form errors as a page's action returns them: `{ errors: {field: [messages]}, values }`. */
export type FormErrors = { errors: Record<string, string[]>; values: Record<string, string> };

type PageOptions = {
  /**
   * How a page shows a refused form post its own way: a message (French, for people) shown as the
   * form's error, or a Response (a redirect with a notice); undefined keeps the default.
   */
  formError?: (error: DomainError, request: Request) => string | Response | undefined;
};

/**
 * Page routes (loaders and actions): see the module comment. A page that wants to show a failure its
 * own way says so with `formError`, or checks for it where it happens — not in a catch-all.
 */
export function pageRoute<Args extends LoaderFunctionArgs | ActionFunctionArgs, Result>(
  handler: (args: Args) => Promise<Result> | Result,
  options: PageOptions = {},
) {
  return async (args: Args): Promise<Result | ReturnType<typeof json<FormErrors>>> => {
    try {
      return await handler(args);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { request } = args;
      if (wantsJson(request)) throw toResponse(error);
      const isFormPost = request.method !== "GET" && request.method !== "HEAD";
      const own = isFormPost && error.status < 500 ? options.formError?.(error, request) : undefined;
      if (own instanceof Response) return own as never;
      if (own || (isFormPost && error.status < 500 && ![401, 403, 404, 405].includes(error.status))) {
        const issues = own ? [] : error.details?.length ? error.details : [{ field: "form", message: error.message }];
        return json<FormErrors>(
          { errors: own ? { form: [own] } : fieldErrors(issues), values: typedValues(request) },
          { status: error.status, headers: error.headers },
        );
      }
      throw json(errorBody(error.code, error.message, error.details), {
        status: error.status,
        headers: error.headers,
      });
    }
  };
}
