// ESLint flat config: TypeScript, React hooks, accessibility, and regular expressions that must
// run in linear time (a super-linear pattern on client input can freeze the event loop).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import regexp from "eslint-plugin-regexp";
import globals from "globals";
import fs from "node:fs";
import tseslint from "typescript-eslint";

// The modules app/kit.ts re-exports, which routes must take from ~/kit (decision 048).
const kitMembers = [...fs.readFileSync("app/kit.ts", "utf8").matchAll(/from "([^"]+)"/g)].map((match) => match[1]);

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".cache/",
      "app/generated/",
      "data/",
      "uploads/",
      "test-results/",
      "playwright-report/",
      ".tmp/",
      "bench-results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The public pages' shared browser code is one file: routes take it from ~/kit (decision 048).
    files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: kitMembers.map((name) => ({ name, message: "Import it from ~/kit (decision 048)." })),
        },
      ],
    },
  },
);
