import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { jobStats, listFailedJobs, listRetryingJobs, retryJob } from "~/domain/jobs/queue.server";
import { requireAdmin } from "~/utils/auth.server";
import { apiError, readBody, wantsJson } from "~/utils/http.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Tâches en échec — Administration Vitrine" }];

/**
 * Background jobs that failed: those still being retried (an SMTP outage shows here from its first
 * failed attempt, with the real cause) and those that exhausted their retries (e.g. a dealership
 * e-mail the SMTP server kept refusing). Payloads hold ids only, so nothing personal is shown here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [failed, retryingJobs, stats] = await Promise.all([listFailedJobs(100), listRetryingJobs(100), jobStats()]);
  const data = failed.map((job) => ({
    id: job.id,
    type: job.type,
    payload: job.payload,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    failedAt: job.failedAt.toISOString(),
    createdAt: job.createdAt.toISOString(),
  }));
  const retrying = retryingJobs.map((job) => ({
    id: job.id,
    type: job.type,
    payload: job.payload,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    nextAttemptAt: job.runAt.toISOString(),
    createdAt: job.createdAt.toISOString(),
  }));
  return json({ data, retrying, stats });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  await requireAdmin(request);
  const body = await readBody(request);
  const id = typeof body.id === "string" ? body.id : "";
  if (body.intent !== "retry" || !id) {
    if (wantsJson(request))
      return apiError("VALIDATION_ERROR", "Unknown action", {
        details: [{ field: "intent", message: "Expected retry" }],
      });
    return json({ error: "Action inconnue." }, { status: 400 });
  }
  const retried = await retryJob(id);
  if (!retried) {
    if (wantsJson(request)) return apiError("NOT_FOUND", "No failed job with this id");
    return json({ error: "Cette tâche n’est plus en échec." }, { status: 404 });
  }
  return json({ retried: id });
});

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});

export default function AdminJobs() {
  const { data, retrying, stats } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <h1>Tâches en arrière-plan</h1>
      <p className="muted">
        {stats.pending} en attente · {stats.done} terminées · {stats.failed} en échec
      </p>
      {actionData && "retried" in actionData ? (
        <div className="notice notice-success" role="status">
          La tâche a été remise dans la file : elle sera exécutée dans quelques secondes.
        </div>
      ) : null}
      {actionData && "error" in actionData && typeof actionData.error === "string" ? (
        <div className="notice notice-error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <h2>Nouvelles tentatives prévues</h2>
      {retrying.length === 0 ? (
        <p>Aucune tâche en attente d’une nouvelle tentative.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="retrying-jobs">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Données</th>
                <th scope="col">Tentatives</th>
                <th scope="col">Dernière erreur</th>
                <th scope="col">Prochaine tentative</th>
              </tr>
            </thead>
            <tbody>
              {retrying.map((job) => (
                <tr key={job.id}>
                  <td>{job.type}</td>
                  <td>
                    <code>{job.payload}</code>
                  </td>
                  <td>
                    {job.attempts} / {job.maxAttempts}
                  </td>
                  <td>{job.lastError ?? "—"}</td>
                  <td>
                    <time dateTime={job.nextAttemptAt}>{dateFormat.format(new Date(job.nextAttemptAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Tâches en échec</h2>
      {data.length === 0 ? (
        <p>Aucune tâche en échec.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Données</th>
                <th scope="col">Tentatives</th>
                <th scope="col">Dernière erreur</th>
                <th scope="col">En échec depuis</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {data.map((job) => (
                <tr key={job.id}>
                  <td>{job.type}</td>
                  <td data-label="Données">
                    <code>{job.payload}</code>
                  </td>
                  <td data-label="Tentatives">
                    {job.attempts} / {job.maxAttempts}
                  </td>
                  <td data-label="Dernière erreur">{job.lastError ?? "—"}</td>
                  <td data-label="En échec depuis">
                    <time dateTime={job.failedAt}>{dateFormat.format(new Date(job.failedAt))}</time>
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="id" value={job.id} />
                      <button type="submit" className="button-small">
                        Relancer
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
