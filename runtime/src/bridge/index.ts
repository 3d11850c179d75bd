/**
 * @portalis/runtime/bridge: the Node end of the ZeroMQ link to the Omniverse
 * Kit extension (docs/bridge-protocol.md). Node-only (it loads the `zeromq`
 * native addon), so it is a separate entry point from the browser-safe
 * runtime.
 */
export { BridgeServer, type BridgeEvent, type BridgeServerOptions, type CallHandler, type PublishedModule } from './server.js';
export { ModuleHost, type HostedExport, type HostedSpec } from './module-host.js';
export {
  PROTOCOL_VERSION,
  TOPIC_HEARTBEAT,
  TOPIC_MODULE,
  decodeHeader,
  encodeHeader,
  parseRequest,
  type ErrorBody,
  type ErrorKind,
  type ModuleHeader,
  type RequestHeader,
  type RequestType,
} from './protocol.js';
export { PyFloat, ValueDecodeError, decodeValue, encodeValue, pythonTypeName, type BridgeValue } from './values.js';
