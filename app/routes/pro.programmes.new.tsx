import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForms";
import { requireProKind } from "~/utils/auth.server";
import { apiError, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Nouveau programme — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProKind(request, "developer");
  // For the API, /pro/programmes/new is just an id that does not exist.
  if (wantsJson(request)) throw apiError("NOT_FOUND", "Programme not found");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireProKind(request, "developer");
  throw apiError("NOT_FOUND", "Programme not found");
}

/** The creation form; it posts to POST /pro/programmes, the same action as the JSON API. */
export default function NewProgramme() {
  return (
    <div>
      <p>
        <Link to="/pro/programmes">← Mes programmes</Link>
      </p>
      <h1>Nouveau programme</h1>
      <p className="muted">
        Le programme est créé en brouillon : ajoutez ensuite ses lots et ses photos, puis publiez-le. Ses prix « à
        partir de » se calculent à partir des lots.
      </p>
      <ProgrammeForm action="/pro/programmes?index" submitLabel="Créer le brouillon" />
    </div>
  );
}
