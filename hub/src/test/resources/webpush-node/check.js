// Test-only: what a browser does with a Web Push message, done by implementations independent of the
// hub's: npm's http_ece decrypts the body (RFC 8291, aes128gcm) with the subscription's private key
// and auth secret, and node's crypto checks the VAPID token's ES256 signature (RFC 8292).
// Reads one JSON object on stdin: {body, private_key, auth, authorization}, binary values base64url.
// Writes one JSON object: {plaintext, jwt_header, jwt_claims, signature_valid, k}.
'use strict';
const crypto = require('crypto');
const ece = require('http_ece');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const receiver = crypto.createECDH('prime256v1');
  receiver.setPrivateKey(Buffer.from(request.private_key, 'base64url'));
  const plaintext = ece.decrypt(Buffer.from(request.body, 'base64url'), {
    version: 'aes128gcm',
    privateKey: receiver,
    authSecret: request.auth,
  });

  const vapid = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(request.authorization);
  if (!vapid) throw new Error(`not a vapid Authorization header: ${request.authorization}`);
  const [headerPart, claimsPart, signaturePart] = vapid[1].split('.');
  const point = Buffer.from(vapid[2], 'base64url');
  const key = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const signatureValid = crypto.verify('sha256', Buffer.from(`${headerPart}.${claimsPart}`), { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signaturePart, 'base64url'));
  process.stdout.write(JSON.stringify({
    plaintext: plaintext.toString('utf8'),
    jwt_header: JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')),
    jwt_claims: JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')),
    signature_valid: signatureValid,
    k: vapid[2],
  }));
});
