import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

/** The root loader's data (the site frame: signed-in pro, navigation badge, public origin). */
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
