/**
 * What a `choose-signer` handler returns to send the attempt unsigned
 * (botocore's `botocore.UNSIGNED`). `before-sign` handlers then see it as
 * their `signatureVersion`.
 *
 * @example
 * events.register('choose-signer.s3', () => UNSIGNED);
 */
export const UNSIGNED: unique symbol = Symbol.for('sdk-events.UNSIGNED');
