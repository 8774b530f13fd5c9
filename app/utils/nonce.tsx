import { createContext, useContext } from "react";

/** The CSP nonce of the current response, provided by entry.server; empty in the browser. */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
