// Every ```graphql block in docs/*.md is an operation that validates against the schema, so
// the guides cannot drift from the API. A block meant for another schema (an extension's
// SDL, a subgraph's query) is fenced as ```graphql no-validate; SDL excerpts must parse.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutableDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { antqSchema } from '../src/index.js';

const DOCS = new URL('../../../docs/', import.meta.url).pathname;

interface Block {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The fenced blocks of a Markdown text whose info string is exactly `graphql`. */
function graphqlBlocks(file: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*graphql\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence] = open;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !lines[i]!.trim().startsWith(fence!)) body.push(lines[i]!.slice(indent!.length));
    blocks.push({ file, line: start + 1, text: body.join('\n') });
  }
  return blocks;
}

const blocks = readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .flatMap((f) => graphqlBlocks(f, readFileSync(join(DOCS, f), 'utf8')));

describe('the GraphQL in docs/*.md', () => {
  it('has blocks to check (the partner guide has one per common need)', () => {
    expect(blocks.filter((b) => b.file === 'partner-guide.md').length).toBeGreaterThanOrEqual(9);
  });

  it.each(blocks.map((b) => [`${b.file}:${b.line}`, b] as const))('%s', (_where, block) => {
    const document = parse(block.text);
    if (!document.definitions.every(isExecutableDefinitionNode)) return; // an SDL excerpt: it parses
    expect(validate(antqSchema(), document).map((e) => e.message)).toEqual([]);
  });
});

describe('graphqlBlocks', () => {
  it('finds blocks fenced exactly as graphql, indented or not, and leaves the rest', () => {
    const md = [
      '# t',
      '```graphql',
      '{ a }',
      '```',
      '```graphql no-validate',
      '{ b }',
      '```',
      '- item',
      '  ```graphql',
      '  { c }',
      '  ```',
      '```json',
      '{}',
      '```',
    ].join('\n');
    expect(graphqlBlocks('t.md', md)).toEqual([
      { file: 't.md', line: 2, text: '{ a }' },
      { file: 't.md', line: 9, text: '{ c }' },
    ]);
  });

  it('fails on a query that does not fit the schema', () => {
    const [block] = graphqlBlocks('t.md', '```graphql\n{ coverage(unitCode: "70") { nope } }\n```');
    expect(validate(antqSchema(), parse(block!.text)).map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Coverage".']);
  });
});
