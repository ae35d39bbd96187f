import type { Connection } from 'mongoose';
import { HouseholdService } from '../../subgraphs/marketing/src/household/household.service';
import { createModels as createMarketingModels } from '../../subgraphs/marketing/src/models';
import type { SalesSettings } from '../../subgraphs/sales/src/config';
import { RefitCoordinator } from '../../subgraphs/sales/src/customer-value/refit-scheduler';
import type { ValueModelDoc } from '../../subgraphs/sales/src/customer-value/value-model.model';
import { ValueModelVersions } from '../../subgraphs/sales/src/customer-value/value-model-version.service';
import { ValueModelService } from '../../subgraphs/sales/src/customer-value/value-model.service';
import { createModels as createSalesModels } from '../../subgraphs/sales/src/models';

/*
 * What freshly seeded data needs before the graph shows it: households grouped (the seed leaves them for
 * the identity rules to find) and a usable value model stored (`Customer.value` reads the stored fit and
 * never fits during a request; a sales service that started on an empty database stored an
 * INSUFFICIENT_DATA one). Used by `npm start` and `npm run seed -- --prepare` (the compose `seed` service).
 */

/** Groups the marketing database's profiles into households. */
export async function groupHouseholds(
  marketing: Connection,
): Promise<Awaited<ReturnType<HouseholdService['recompute']>>> {
  return new HouseholdService(createMarketingModels(marketing).customers).recompute();
}

/** Fits the value model unless a usable one is stored; resolves with the stored model. */
export async function fitValueModelIfMissing(
  sales: Connection,
  settings: Pick<SalesSettings, 'baseCurrency' | 'purchaseModel' | 'scheduledRefitReplacesPinned'>,
): Promise<{ doc: ValueModelDoc; refitted: boolean }> {
  const models = createSalesModels(sales);
  const versions = new ValueModelVersions(models.valueModels, models.valueModelActive, {
    scheduledReplacesPinned: settings.scheduledRefitReplacesPinned,
  });
  const service = new ValueModelService(models.orders, models.valueModels, versions, settings);
  // No schedule: one fit, now.
  const refits = new RefitCoordinator(service, {
    refitIntervalMinutes: 0,
    refitAfterImportedOrders: 0,
    refitImportDelaySeconds: 0,
  });
  return refits.ensureFitted('SCHEDULE');
}
