// Every job handler is registered by importing its module here; the worker runs only registered types.
import "~/domain/inquiries/notify.server";
import "~/domain/vehicles/notify.server";
export {};
