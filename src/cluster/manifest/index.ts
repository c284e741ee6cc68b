// Manifests: reading YAML/JSON files, resolving apiVersion/kind, and the API server's defaulting and validation.
// Everything that enters the State from a user (or a controller's POST) goes through admit() first.

export { admit, finalizeJobSelector, type AdmitOptions, type AdmitResult } from './admit.js';
export { validateUpdate, updateFieldErrors } from './update.js';
export { parseManifests, loadManifestPath, MAX_MANIFEST_BYTES, type ParsedDocument, type ManifestError, type LoadResult } from './load.js';
export { resolveKind, resourceMappingError, legacyVersions, type KindResolution } from './kinds.js';
export { type FieldError, formatInvalid, formatInvalidStatus, qualifiedKind } from './field-errors.js';
export { cronParserExpression, parseStandardError } from './cron.js';
export { imagePullPolicyFor, podQOSClass } from './defaults.js';
