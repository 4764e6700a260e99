/**
 * Model catalogues (the national one and each province's) with their model types: public,
 * as DOMAIN.md has them ("Bình Phước has 14 kinds of models").
 */
import { uuidOrNone } from '../access.js';
import { builder } from '../builder.js';

builder.prismaNode('ModelCatalogue', {
  id: { field: 'id' },
  description: 'A catalogue of model types: the national one, or one province’s.',
  // Missing (or not a UUID): null.
  nullable: true,
  findUnique: (id) => ({ id: uuidOrNone(id) }),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    scope: t.exposeString('scope', { description: 'NATIONAL or PROVINCIAL.' }),
    provinceCode: t.exposeString('provinceCode', {
      nullable: true,
      description: 'The province whose catalogue it is; null for the national one.',
    }),
    isDemo: t.boolean({ resolve: (c) => c.datasetId !== null }),
    types: t.relation('types', { description: 'Its model types, by code.', query: { orderBy: { code: 'asc' } } }),
  }),
});

builder.queryField('modelCatalogues', (t) =>
  t.prismaField({
    type: ['ModelCatalogue'],
    description: 'Model catalogues: the national one and every province’s, or one province’s with provinceCode.',
    authScopes: { public: true },
    args: { provinceCode: t.arg.string({ description: 'Only this province’s catalogue (and not the national one).' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.modelCatalogue.findMany({
        ...query,
        where: args.provinceCode ? { provinceCode: args.provinceCode.trim() } : {},
        orderBy: { code: 'asc' },
      }),
  }),
);
