/**
 * Builds the task pane (dist/taskpane.html + bundle), the ribbon's function file (dist/commands.html),
 * the support page (dist/support.html), the icons and a manifest whose URLs point at ADDIN_URL (default https://localhost:3000/).
 * office.js is never bundled: taskpane.html and commands.html load it from Office's CDN with a static tag in
 * <head>, as Office requires (a copy served from our origin would miss the CDN's updates for new hosts, and
 * add-ins in AppSource must use the CDN).
 *
 * Word's webviews set the language level: WebView2 (Windows), WKWebView from Safari 15 (Mac, iPad) and
 * current browsers (Word on the web), as `browserslist` in package.json says. Babel brings every module,
 * dependencies included, down to that list (class static blocks, for one, arrive from Fluent UI's
 * dependencies and need Safari 16.4); test/build checks the emitted scripts.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';

/** The production URL with exactly one trailing slash. */
function addinUrl() {
  const url = process.env.ADDIN_URL || DEV_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** Point every URL of the manifest at ADDIN_URL; bare origins (AppDomain) get the new origin. */
function rewriteManifest(xml) {
  const url = addinUrl();
  return xml.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin);
}

/**
 * Babel with the browserslist targets of package.json; no polyfills are injected (the few runtime
 * methods the oldest webview lacks are added by src/taskpane/polyfills.ts). `unambiguous` because
 * dependencies mix ES modules and CommonJS.
 */
const babel = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    cacheDirectory: true,
    sourceType: 'unambiguous',
    presets: [['@babel/preset-env', { modules: false, bugfixes: true }]],
  },
};

module.exports = (env, argv) => {
  const production = (argv && argv.mode) !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run last to first: TypeScript strips the types, then Babel lowers the syntax.
          use: [
            babel,
            {
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                configFile: path.resolve(__dirname, 'tsconfig.json'),
                // ES modules so webpack can tree-shake Fluent UI; the Node build keeps CommonJS.
                compilerOptions: { module: 'esnext', sourceMap: !production },
              },
            },
          ],
        },
        {
          test: /\.[cm]?js$/,
          include: /node_modules/,
          // core-js and Babel's own helpers are what Babel would inject: transforming them loops.
          exclude: /node_modules[\\/](core-js|@babel[\\/]runtime)[\\/]/,
          use: babel,
        },
        {
          // Where each city name was seen in ITU texts is for the record's readers (amend conferences
          // --format json), not for the pane: left out of the bundle.
          test: /conference-record\.json$/,
          type: 'json',
          parser: {
            parse: (text) => {
              const record = JSON.parse(text);
              for (const names of Object.values(record.cities ?? {})) delete names.sources;
              return record;
            },
          },
        },
      ],
    },
    performance: {
      // The pane must load fast inside Word: 300 KB gzipped is about 1 MB minified (the e2e test checks the gzipped size).
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      // The Diagnostics view names the version a support mail is about.
      new DefinePlugin({ AMEND_VERSION: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // The manifest's SupportUrl and LearnMoreUrl: a static page, no script, nothing loaded from elsewhere.
          { from: 'src/taskpane/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            transform: (content) => rewriteManifest(content.toString()),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
