/**
 * The id of the JSON data block in which the server sends a page's first reads (server/pageBoot.ts) and from which
 * the app takes them (web/api/boot.ts): `{ "reads": { "<API path>": <the API's answer> } }`.
 */
export const BOOT_ELEMENT_ID = 'unclench-boot';
