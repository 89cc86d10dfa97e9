import { createContext, useContext } from "react";

// The per-request CSP nonce, handed from entry.server to <Scripts> and friends.
export const NonceContext = createContext<string>("");

export function useNonce() {
  return useContext(NonceContext);
}
