#!/usr/bin/env node
// The `bihuan` command: npm puts node_modules/.bin (and its Node 24) first on PATH for npx and npm scripts.
await import('../src/cli/main.ts');
