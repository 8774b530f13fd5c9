import { makeTempEnv } from "../helpers/temp-env";

// Each test file (its own process) gets its own database, folders and keys before any app module loads.
const { vars } = makeTempEnv();
Object.assign(process.env, vars);
