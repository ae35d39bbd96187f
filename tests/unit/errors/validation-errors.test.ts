import 'reflect-metadata';
import { IsInt, Min, ValidateNested, validateSync, IsEmail } from 'class-validator';
import { flattenValidation } from '../../../shared/errors';

class Item {
  @IsInt()
  @Min(1)
  quantity!: number;
}

class Order {
  @IsEmail()
  email!: string;

  @ValidateNested({ each: true })
  items!: Item[];
}

function order(email: string, quantities: number[]): Order {
  return Object.assign(new Order(), {
    email,
    items: quantities.map((quantity) => Object.assign(new Item(), { quantity })),
  });
}

describe('flattenValidation (the one class-validator error walker)', () => {
  it('names every violated field depth first, array elements by index', () => {
    expect(flattenValidation(validateSync(order('nope', [2, 0, 1.5])), 'input')).toEqual([
      { field: 'input.email', messages: ['email must be an email'] },
      { field: 'input.items[1].quantity', messages: ['quantity must not be less than 1'] },
      { field: 'input.items[2].quantity', messages: ['quantity must be an integer number'] },
    ]);
  });

  it('starts at the top without a prefix and is empty for valid input', () => {
    expect(flattenValidation(validateSync(order('a@b.co', [0])))).toEqual([
      { field: 'items[0].quantity', messages: ['quantity must not be less than 1'] },
    ]);
    expect(flattenValidation(validateSync(order('a@b.co', [3])))).toEqual([]);
  });
});
