/**
 * The public-page generation (docs/decisions/043): the "pages" namespace of the shared cache
 * generations, raised before and after every change made through /pro or /admin. The anonymous page
 * cache stores each page with the generation it was rendered at and only serves it while the counter
 * has not moved, so a save through any instance invalidates every instance's cached pages at once.
 */
import { bumpGeneration, generationOf } from "./cache.server";

const NAMESPACE = "pages";

export const readPublicPageGeneration = () => generationOf(NAMESPACE);

export const bumpPublicPageGeneration = () => bumpGeneration(NAMESPACE);
