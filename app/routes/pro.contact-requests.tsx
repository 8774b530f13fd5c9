import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { inquiryJson, listInquiries } from "~/domain/inquiries/inquiries.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { resourceRoute } from "~/utils/errors.server";
import { parsePageParams } from "~/utils/http.server";

/**
 * `GET /pro/contact-requests` (seed 000): the pro's inquiries, newest first, cursor pages, each with
 * `property: {id, slug, title} | null`. A resource route: always JSON, and only this loader runs
 * (the pro layout's page redirects do not apply to API clients).
 */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request, { json: true });
  const page = await listInquiries(pro.id, parsePageParams(new URL(request.url)));
  return json({ ...page, data: page.data.map(inquiryJson) });
});
