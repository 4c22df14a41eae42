#!/usr/bin/env node
// The CLI is TypeScript run through tsx (see docs/decisions/002-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
