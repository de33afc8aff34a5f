import helmet from 'helmet';

/**
 * Security headers for every answer, the served web client's above all (helmet, issue 17).
 *
 * The client is one origin's own files: scripts only from it (vite's build has no inline script), styles
 * from it plus inline style attributes (React sets them), images from it or data: URLs, connections to it
 * (HTTP and the socket.io WebSocket: CSP Level 3's 'self' covers ws/wss to the same host). No page may frame
 * it (`frame-ancestors 'none'`: the voting screen cannot be overlaid by another site), no plug-ins, forms
 * post only to it. Documents the api renders as HTML (booklet, reports) replace this with their own stricter
 * policy (`default-src 'none'`). HSTS is sent as helmet does; browsers heed it only over HTTPS, i.e. behind
 * the TLS proxy a real deployment has (docs/OPERATIONS.md). No referrer leaves the app: a conference's
 * address in a link to the livestream service says nothing.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The client loads nothing cross-origin that would need embedder policies; documents are downloads.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
