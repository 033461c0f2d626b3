/**
 * The wire contract of docs/protocol.md as code, shared by the server and the
 * web client: event maps, acks, views, the error catalogue and the limits.
 * It imports nothing from Nest, socket.io or Node (views are type-only), so
 * Vite can bundle it into the client.
 */
export * from './client-events.js';
export * from './errors.js';
export * from './limits.js';
export * from './server-events.js';
export type * from './views.js';
