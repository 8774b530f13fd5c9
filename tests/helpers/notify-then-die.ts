/**
 * Sends one dealership's e-mail, then dies by SIGKILL before recording it: the crash between the
 * send and the mark that the exactly-once design must survive. Run by notify-crash.test.ts with the
 * test's environment (database, outbox, keys).
 */
import { notifyDealership } from "../../app/domain/vehicles/notify.server";

const leadId = process.argv[2];
if (!leadId) throw new Error("usage: notify-then-die.ts <leadId>");
await notifyDealership(leadId, {
  afterSend: () => {
    process.kill(process.pid, "SIGKILL");
    return new Promise<void>(() => undefined);
  },
});
throw new Error("unreachable: the process should have died after sending");
