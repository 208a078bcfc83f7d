import type { PrechatField, Visitor } from '@sapa/protocol';
import { describe, expect, it } from 'vitest';
import { fieldsToAsk } from './fields-to-ask.js';

const field = (name: string, type: PrechatField['type'], required: boolean): PrechatField => ({
  name,
  type,
  required,
});
const fields = [
  field('name', 'text', true),
  field('email', 'email', true),
  field('phone', 'tel', false),
  field('orderNumber', 'text', false),
];
const names = (visitor: Visitor | undefined) => fieldsToAsk(fields, visitor).map((asked) => asked.name);
const anonymous: Visitor = { id: 'v1', attributes: {}, verified: false };

describe('fieldsToAsk', () => {
  it('asks a visitor the site does not know every field', () => {
    expect(names(undefined)).toEqual(['name', 'email', 'phone', 'orderNumber']);
    expect(names(anonymous)).toEqual(['name', 'email', 'phone', 'orderNumber']);
  });

  it('never asks a known customer again for what the site has, nor for anything optional', () => {
    expect(names({ ...anonymous, name: 'Budi Santoso' })).toEqual(['email']);
    expect(names({ ...anonymous, name: 'Budi Santoso', email: 'budi@example.com' })).toEqual([]);
    expect(names({ ...anonymous, phone: '+6281234567890' })).toEqual(['name', 'email']);
  });

  it('skips a field answered before as an attribute, and counts empty values as missing', () => {
    expect(names({ ...anonymous, attributes: { orderNumber: 'INV-7' } })).toEqual(['name', 'email', 'phone']);
    expect(names({ ...anonymous, name: '', attributes: { orderNumber: null } })).toEqual([
      'name',
      'email',
      'phone',
      'orderNumber',
    ]);
  });
});
