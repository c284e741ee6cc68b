// The printers: pure functions of objects, State and State.now that produce what kubectl prints.
// `get` tables (column model + tabwriter layout), `describe`, `-o yaml|json|name`, and resource naming.

export * from './types.js';
export { humanDuration, shortHumanDuration, since, rfc1123z } from './duration.js';
export { PRINTERS, printerFor, visibleColumns, rowOf } from './registry.js';
export { printTable, printGetAll, printNames, tableHeaders, tableRows, sortForGet, GET_ALL_KINDS } from './table.js';
export type { TableOptions } from './table.js';
export { toJson, toYaml, asList, printObjects } from './output.js';
export type { OutputFormat } from './output.js';
export { describe, describeProbe, podQOS, eventsFor } from './describe/index.js';
export { summarizePod, restartsText } from './pod.js';
export { nodeStatus, nodeRoles } from './node.js';
export { jobStatus } from './job.js';
export { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter.js';
export * from './resources.js';
