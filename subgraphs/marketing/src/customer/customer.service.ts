import { notFound } from '../../../../shared/errors';
import type { CustomerDoc, CustomerModel } from './customer.model';
import type { CreateCustomerInput } from './customer.input';

export class CustomerService {
  constructor(private readonly customers: CustomerModel) {}

  async create(input: CreateCustomerInput): Promise<CustomerDoc> {
    const email = input.email?.trim();
    const doc = await this.customers.create({
      givenName: input.givenName,
      familyName: input.familyName,
      language: input.language,
      emails: email ? [{ address: email, normalized: email.toLowerCase(), primary: true }] : [],
    });
    return doc.toObject();
  }

  async findMany(ids: readonly string[]): Promise<CustomerDoc[]> {
    return this.customers.find({ _id: { $in: ids } }).lean<CustomerDoc[]>();
  }

  async get(id: string): Promise<CustomerDoc> {
    const doc = await this.customers.findById(id).lean<CustomerDoc>();
    if (!doc) throw notFound('Customer', id);
    return doc;
  }
}
