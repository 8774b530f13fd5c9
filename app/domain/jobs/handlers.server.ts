// Every job handler is registered by importing its module here; the worker runs only registered types.
export {};
