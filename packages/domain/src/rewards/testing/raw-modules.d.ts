// Vite (and so Vitest) imports a file's text with the `?raw` suffix; tests use it to read plan files
// without Node's fs, keeping the domain package free of IO.
declare module "*?raw" {
  const text: string;
  export default text;
}
