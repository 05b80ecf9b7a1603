import type { AppService } from '../../electron/services/app-service';
import type { Channel, Request, Response } from '../../shared/contract';

/** A contract call through the service's own dispatch (validation included); an error envelope throws. */
export async function call<C extends Channel>(svc: AppService, channel: C, request: Request<C>): Promise<Response<C>> {
  const result = await svc.dispatch(channel, request);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as Response<C>;
}
