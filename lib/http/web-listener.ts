import type { IncomingMessage, ServerResponse } from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-ip";
import { securityHeaders } from "./security-headers";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * What the portal's HTTP server does before Next sees a request: records the TCP peer (replacing any copy a
 * client sent, so it cannot be forged) and sets the security headers on the response.
 */
export function webListener(handle: Handler, publicBaseUrl: string): Handler {
  const headers = Object.entries(securityHeaders(publicBaseUrl));
  return (req, res) => {
    delete req.headers[PEER_ADDRESS_HEADER];
    const peer = req.socket.remoteAddress;
    if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
    for (const [name, value] of headers) res.setHeader(name, value);
    return handle(req, res);
  };
}
