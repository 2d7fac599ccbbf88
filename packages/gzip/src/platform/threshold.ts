import { ASYNC_THRESHOLD_BYTES as threshold } from '#platform';

/**
 * Bodies of this many bytes or more are gzipped asynchronously, so the
 * event loop stays free; smaller ones synchronously. On Node 8 KiB (zlib on
 * the libuv threadpool beyond it, where blocking the loop would cost others
 * more than the round trip costs this call); in browsers 0 (`CompressionStream`
 * is always asynchronous).
 */
export const ASYNC_THRESHOLD_BYTES: number = threshold;
