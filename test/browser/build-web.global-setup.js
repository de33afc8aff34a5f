// Builds the SPA once before the browser tests when apps/web/dist is missing or older than a source
// file, so the api under test serves what the tests are about.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const web = path.resolve(__dirname, '../../apps/web');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

module.exports = async function buildWeb() {
  const built = path.join(web, 'dist', 'index.html');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(web)) return;
  console.log('\nBuilding the web client (npm run build:web)...');
  execSync('npm run build:web', { cwd: path.resolve(web, '../..'), stdio: 'inherit' });
};
