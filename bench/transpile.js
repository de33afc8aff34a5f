/**
 * A bare TypeScript loader for the benchmark's server process: each .ts file transpiled on require,
 * like `ts-node --transpile-only`, without ts-node itself. ts-node loads node's `repl`, which loads
 * `domain`, which wraps every EventEmitter emit: the server measured should be the one `npm start`
 * runs, not one slowed by the loader.
 */
require('tsconfig-paths/register');
const { readFileSync } = require('node:fs');
const ts = require('typescript');
const { config } = ts.readConfigFile(require.resolve('../tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, require('node:path').resolve(__dirname, '..'));
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
