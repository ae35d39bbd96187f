import { createByIdLoader } from '../../../shared/dataloader/loaders';
import { CustomerService } from './customer/customer.service';
import type { MarketingModels } from './models';

export function createServices(models: MarketingModels) {
  return {
    customers: new CustomerService(models.customers),
  };
}

/** One set of loaders per request, never shared: caches must not leak between users. */
export function createLoaders(services: ReturnType<typeof createServices>) {
  return {
    customerById: createByIdLoader((ids) => services.customers.findMany(ids), (c) => c._id),
  };
}

export interface MarketingContext {
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

export function createContext(models: MarketingModels): MarketingContext {
  const services = createServices(models);
  return { services, loaders: createLoaders(services) };
}
