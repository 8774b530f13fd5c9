import { createContext, useContext, useState } from "react";

/**
 * The id under which the server logged the error of the current page (a 500), so that the error
 * page can show it and a visitor can quote it. entry.server provides it; in the browser, the
 * value is read back from the server-rendered page.
 */
const ErrorIdContext = createContext<string | null>(null);
export const ErrorIdProvider = ErrorIdContext.Provider;

export const ERROR_ID_ELEMENT = "error-id";

export function useErrorId(fromResponse?: string | null) {
  const fromServer = useContext(ErrorIdContext);
  const [id] = useState(() => {
    if (fromResponse) return fromResponse;
    if (fromServer) return fromServer;
    if (typeof document === "undefined") return null;
    return document.getElementById(ERROR_ID_ELEMENT)?.textContent ?? null;
  });
  return id;
}
