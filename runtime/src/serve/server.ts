/**
 * `createInferenceServer`: a KServe v2 server for a Portalis model
 * repository, gRPC and HTTP/REST on loopback by default.
 *
 *     const server = await createInferenceServer({ repository: 'models' });
 *     console.log(server.grpcPort, server.httpPort);
 *     await server.close();   // stops accepting, drains in-flight requests, stops workers
 */
import * as grpc from '@grpc/grpc-js';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InferenceCore } from './core.js';
import { createGrpcServer } from './grpc.js';
import { createHttpServer } from './http.js';
import { loadRepository, type ModelEntry } from './repository.js';

export interface InferenceServerOptions {
  /** The model repository directory. */
  readonly repository: string;
  /** Interface to bind; loopback unless asked otherwise. */
  readonly host?: string;
  /** gRPC port (0 = any free port; null = no gRPC). Default 0. */
  readonly grpcPort?: number | null;
  /** HTTP port (0 = any free port; null = no HTTP). Default 0. */
  readonly httpPort?: number | null;
  /** Per-request time limit for a model call, in ms. Default 10 000. */
  readonly requestTimeoutMs?: number;
  /** Largest accepted request, in bytes (gRPC message or HTTP body). Default 64 MiB. */
  readonly maxMessageBytes?: number;
}

export interface InferenceServer {
  readonly host: string;
  readonly grpcPort: number | null;
  readonly httpPort: number | null;
  readonly models: readonly ModelEntry[];
  readonly core: InferenceCore;
  /** Graceful shutdown: refuse new requests, wait for in-flight ones, stop workers and listeners. */
  close(): Promise<void>;
}

export async function createInferenceServer(options: InferenceServerOptions): Promise<InferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const maxMessageBytes = options.maxMessageBytes ?? 64 * 1024 * 1024;
  const models = await loadRepository(options.repository);
  const core = new InferenceCore(models, { requestTimeoutMs: options.requestTimeoutMs ?? 10_000 });

  let grpcServer: grpc.Server | null = null;
  let grpcPort: number | null = null;
  let httpServer: HttpServer | null = null;
  let httpPort: number | null = null;
  try {
    if (options.grpcPort !== null) {
      grpcServer = createGrpcServer(core, maxMessageBytes);
      const address = host.includes(':') ? `[${host}]` : host;
      grpcPort = await new Promise<number>((resolve, reject) =>
        grpcServer!.bindAsync(`${address}:${options.grpcPort ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
      );
    }
    if (options.httpPort !== null) {
      httpServer = createHttpServer(core, maxMessageBytes);
      httpServer.keepAliveTimeout = 5_000;
      await new Promise<void>((resolve, reject) => {
        httpServer!.once('error', reject);
        httpServer!.listen(options.httpPort ?? 0, host, () => resolve());
      });
      httpPort = (httpServer.address() as AddressInfo).port;
    }
  } catch (error) {
    grpcServer?.forceShutdown();
    httpServer?.close();
    await core.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  return {
    host,
    grpcPort,
    httpPort,
    models,
    core,
    close: () =>
      (closing ??= (async () => {
        core.accepting = false;
        const httpClosed = httpServer ? new Promise<void>((resolve) => httpServer!.close(() => resolve())) : Promise.resolve();
        httpServer?.closeIdleConnections();
        const grpcClosed = grpcServer ? new Promise<void>((resolve) => grpcServer!.tryShutdown(() => resolve())) : Promise.resolve();
        await core.drain();
        // Let the fronts write the last answers before cutting what is left.
        await new Promise((r) => setTimeout(r, 20));
        httpServer?.closeIdleConnections();
        await Promise.race([Promise.all([httpClosed, grpcClosed]), new Promise((r) => setTimeout(r, 2_000).unref())]);
        httpServer?.closeAllConnections();
        grpcServer?.forceShutdown();
        await core.close();
      })()),
  };
}
